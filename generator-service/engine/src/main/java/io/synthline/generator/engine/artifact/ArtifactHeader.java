package io.synthline.generator.engine.artifact;

import io.synthline.commons.api.BadInputException;
import io.synthline.commons.json.Json;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The start every model file shares: magic, format version, manifest (length, then UTF-8 JSON).
 * One model kind's files are told from another's by the magic; a format this engine does not read
 * is refused with what to do about it.
 */
public final class ArtifactHeader {
    /** A manifest longer than this is a damaged file, not a model. */
    private static final int MAX_MANIFEST_BYTES = 1 << 26;

    private ArtifactHeader() {
    }

    public static void write(DataOutputStream out, byte[] magic, int format, Object manifest) throws IOException {
        out.write(magic);
        out.writeInt(format);
        byte[] json = Json.write(manifest).getBytes(StandardCharsets.UTF_8);
        out.writeInt(json.length);
        out.write(json);
    }

    /**
     * Reads the header and returns its manifest.
     *
     * @param kind what the file should be, in user terms (in the error messages): "Synthline model"
     */
    public static <T> T read(DataInputStream in, byte[] magic, int format, Class<T> manifestType, String kind) throws IOException {
        if (!Arrays.equals(in.readNBytes(magic.length), magic)) {
            throw new BadInputException("not-a-model", "the file is not a " + kind);
        }
        int found = in.readInt();
        if (found != format) {
            throw new BadInputException("unsupported-model-format", kind + " format " + found + " is not supported (this engine reads "
                    + format + "); fit the model again");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_MANIFEST_BYTES) {
            throw new IOException("corrupt model: manifest length " + length);
        }
        byte[] json = in.readNBytes(length);
        if (json.length != length) {
            throw new IOException("corrupt model: the manifest ends early");
        }
        return Json.read(new String(json, StandardCharsets.UTF_8), manifestType);
    }
}
