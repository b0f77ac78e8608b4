package gg.pewstats.collectors.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * Who is behind a port the embedded servers want: a hub running on the same data (its lock is held: a
 * command joins it), an orphan PostgreSQL of this data directory left by a hub killed with SIGKILL (it is
 * stopped and started afresh), or anything else (refused: the hub never hands its credentials to a program
 * it did not start).
 */
public final class EmbeddedServers {

    private EmbeddedServers() {
    }

    /** True when another process (or another part of this JVM) holds the lock file. */
    public static boolean heldByAnother(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A PostgreSQL still running on this data directory and port with no hub around it: the postmaster
     * recorded in {@code postmaster.pid}, alive, a postgres program, listening on {@code port}.
     */
    public static Optional<ProcessHandle> orphanPostgres(Path dataDirectory, int port) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4 || !lines.get(3).trim().equals(Integer.toString(port))) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Stops an orphan server (SIGTERM, then SIGKILL after the time given) and waits for it to be gone. */
    public static void stop(ProcessHandle process, long seconds) {
        process.destroy();
        try {
            process.onExit().get(seconds, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
            try {
                process.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // nothing more to do
            }
        }
    }
}
