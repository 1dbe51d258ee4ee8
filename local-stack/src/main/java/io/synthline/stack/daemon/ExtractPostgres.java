package io.synthline.stack.daemon;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the PostgreSQL binaries (.txz inside the zonky binaries jar) keeping modes and symlinks.
 * Runs in a helper JVM because commons-compress and xz are daemon-only dependencies.
 *
 * <p>Arguments: {@code <classpath resource> <target dir>}
 */
public final class ExtractPostgres {

    private ExtractPostgres() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ExtractPostgres <resource> <target-dir>");
            System.exit(2);
        }
        Path target = Path.of(args[1]).toAbsolutePath().normalize();
        Files.createDirectories(target);
        try (InputStream raw = ExtractPostgres.class.getClassLoader().getResourceAsStream(args[0])) {
            if (raw == null) {
                System.err.println("resource " + args[0] + " not found on the classpath");
                System.exit(1);
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("Refusing archive entry outside the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (e.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                    } else if (e.isLink()) {
                        Files.createDirectories(out.getParent());
                        Files.copy(target.resolve(e.getLinkName()), out, StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(e.getMode()));
                    }
                }
            }
        }
        if (!Files.isExecutable(target.resolve("bin/postgres")) || !Files.exists(target.resolve("bin/initdb"), LinkOption.NOFOLLOW_LINKS)) {
            System.err.println("unpacked archive has no bin/postgres or bin/initdb");
            System.exit(1);
        }
        System.out.println("[synthline] PostgreSQL binaries unpacked to " + target);
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                perms.add(order[i]);
            }
        }
        perms.add(PosixFilePermission.OWNER_READ);
        return perms;
    }
}
