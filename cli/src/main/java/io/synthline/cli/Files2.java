package io.synthline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

final class Files2 {
    private Files2() {
    }

    static Path existing(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new SynthCommand.UserError(what + " file not found: " + p);
        }
        return p;
    }
}
