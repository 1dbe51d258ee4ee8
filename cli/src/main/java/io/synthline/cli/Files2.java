package io.synthline.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** File checks with the CLI's error for a user's mistake. */
public final class Files2 {
    private Files2() {
    }

    /** {@code p}, if it is a regular file; else a {@link SynthCommand.UserError} naming {@code what} it was for. */
    public static Path existing(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new SynthCommand.UserError(what + " file not found: " + p);
        }
        return p;
    }
}
