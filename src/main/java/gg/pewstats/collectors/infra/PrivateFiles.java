package gg.pewstats.collectors.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The hub's own files on disk (embedded database and broker, their binaries, sockets and passwords) for its
 * user only: folders 0700, files 0600 (executables keep their owner's execute bit). On a file system
 * without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> GROUP_AND_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates the folder and any missing parent as 0700; an existing folder itself is made 0700. */
    public static void createPrivateDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (!POSIX) {
            Files.createDirectories(absolute);
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.exists(parent)) {
            createPrivateDirectories(parent);
        }
        if (!Files.exists(absolute)) {
            Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(absolute, PosixFilePermissions.fromString("rwx------"));
    }

    /** Takes every group and others permission away from the folder and everything in it (links not followed). */
    public static void tighten(Path dir) throws IOException {
        if (!POSIX || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.toList()) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                try {
                    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
                    if (permissions.removeAll(GROUP_AND_OTHERS)) {
                        Files.setPosixFilePermissions(path, permissions);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // removed while walking (a server's temporary file)
                }
            }
        }
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** Writes a file that is 0600 from its first byte (never readable by others, not even for a moment). */
    public static void writePrivate(Path file, Writer writer) throws IOException {
        Files.deleteIfExists(file);
        if (POSIX) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writer.write(out);
        }
    }
}
