package gg.pewstats.collectors.telemetry;

import gg.pewstats.collectors.messages.MatchIds;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The telemetry store: {@code <root>/matchID=<match id>/raw.json.gz}, the layout of the existing data.
 * Files are always kept singly gzipped. A download is written to a temporary file in the same folder and
 * appears under its final name only by an atomic rename, after it was checked to be complete gzip within
 * the size caps. Reading accepts what older collectors left too: gzip inside gzip, and plain JSON.
 */
public final class TelemetryFiles {

    public static final String FILE_NAME = "raw.json.gz";
    private static final int BUFFER = 1 << 16;

    private final Path root;
    private final long maxDownloadBytes;
    private final long maxJsonBytes;
    private final long downloadDeadlineMillis;

    public TelemetryFiles(String root, long maxDownloadBytes, long maxJsonBytes) {
        this(root, maxDownloadBytes, maxJsonBytes, Long.MAX_VALUE);
    }

    public TelemetryFiles(String root, long maxDownloadBytes, long maxJsonBytes, long downloadDeadlineMillis) {
        this.root = Path.of(root).toAbsolutePath().normalize();
        this.maxDownloadBytes = maxDownloadBytes;
        this.maxJsonBytes = maxJsonBytes;
        this.downloadDeadlineMillis = downloadDeadlineMillis;
    }

    public Path root() {
        return root;
    }

    /** The file of a match; the id is checked, and the path can never leave the root. */
    public Path pathFor(String matchId) {
        MatchIds.requireSafe(matchId);
        Path path = root.resolve("matchID=" + matchId).resolve(FILE_NAME).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("match id leads outside the telemetry store: " + matchId);
        }
        return path;
    }

    /** True when the match's file exists and is complete, valid gzip within the caps. */
    public boolean isComplete(String matchId) {
        Path path = pathFor(matchId);
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = openJson(path)) {
            in.transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException | TelemetryRejectedException e) {
            return false;
        }
    }

    /**
     * Streams a downloaded body into the match's file: gzip is kept as it is, gzip inside gzip is stored
     * singly gzipped, plain JSON is gzipped. Returns the final path. Every byte written to disk is counted
     * against a cap while it is written (the body against the download cap, an inner gzip layer against it
     * too, plain JSON against the JSON cap), and the whole download against the total deadline. The body
     * is first written as it came; what it holds is then read from that file, never sniffed with
     * mark/reset on the stream (a gzip header may be of any length).
     */
    public Path store(String matchId, InputStream body) throws IOException {
        Path target = pathFor(matchId);
        Path folder = target.getParent();
        boolean created = !Files.isDirectory(folder);
        Files.createDirectories(folder);
        removeStaleTemporaries(folder);
        Path raw = target.resolveSibling(FILE_NAME + "." + OWNER + "." + UUID.randomUUID() + ".download.tmp");
        Path temp = target.resolveSibling(FILE_NAME + "." + OWNER + "." + UUID.randomUUID() + ".tmp");
        boolean stored = false;
        try {
            try (InputStream in = new Deadline(new Capped(body, maxDownloadBytes, "download"), downloadDeadlineMillis);
                    OutputStream out = Files.newOutputStream(raw)) {
                in.transferTo(out);
            }
            if (Files.size(raw) == 0) {
                throw new TelemetryRejectedException("telemetry download is empty");
            }
            Path kept;
            if (!fileStartsWithGzip(raw)) {
                try (InputStream in = new Capped(Files.newInputStream(raw), maxJsonBytes, "decompressed telemetry");
                        OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp), BUFFER)) {
                    in.transferTo(out);
                }
                kept = temp;
            } else if (innerLayerIsGzip(raw)) {
                // gzip inside gzip: the inner gzip is what is kept, and it is capped as it is written
                try (InputStream in = new Capped(new GZIPInputStream(Files.newInputStream(raw), BUFFER), maxDownloadBytes,
                        "telemetry inside its outer gzip"); OutputStream out = Files.newOutputStream(temp)) {
                    in.transferTo(out);
                } catch (java.io.EOFException | java.util.zip.ZipException e) {
                    throw new TelemetryRejectedException("telemetry download is not valid gzip: " + e.getMessage(), e);
                }
                kept = temp;
            } else {
                kept = raw;
            }
            try (FileChannel channel = FileChannel.open(kept, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            verify(kept);
            try {
                Files.move(kept, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(kept, target, StandardCopyOption.REPLACE_EXISTING);
            }
            stored = true;
            return target;
        } finally {
            Files.deleteIfExists(raw);
            Files.deleteIfExists(temp);
            if (!stored && created) {
                deleteIfEmpty(folder);
            }
        }
    }

    /**
     * Names this process in its temporary files: its pid and start time (a pid alone repeats, as PID 1 does
     * in every container).
     */
    private static final String OWNER = ProcessHandle.current().pid() + "-"
            + ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);

    /**
     * Temporary files a process left when it was killed mid-download (SIGKILL runs no cleanup): removed at
     * the match's next download. Those of a process still running (this one, or another hub on the same
     * store) are left alone.
     */
    private static void removeStaleTemporaries(Path folder) throws IOException {
        try (var files = Files.newDirectoryStream(folder, FILE_NAME + ".*.tmp")) {
            for (Path file : files) {
                String[] parts = file.getFileName().toString().substring(FILE_NAME.length() + 1).split("\\.", 2);
                if (parts.length == 2 && !parts[0].equals(OWNER) && !running(parts[0])) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** True when the process named by a temporary file's owner tag ({@code pid-startMillis}) still runs. */
    private static boolean running(String owner) {
        String[] tag = owner.split("-", 2);
        try {
            long pid = Long.parseLong(tag[0]);
            long started = tag.length > 1 ? Long.parseLong(tag[1]) : -1;
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> p.info().startInstant().map(i -> i.toEpochMilli() == started).orElse(true)).orElse(false);
        } catch (NumberFormatException e) {
            return false; // an older hub's name: no owner, stale
        }
    }

    private static void deleteIfEmpty(Path folder) {
        try {
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // not empty (another download, or a file kept aside): left as it is
        }
    }

    /** True when the gzip file decompresses to gzip again (its first two bytes, read from the file). */
    private static boolean innerLayerIsGzip(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 512)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw new TelemetryRejectedException("telemetry download is not valid gzip: " + e.getMessage(), e);
        }
    }

    private static boolean fileStartsWithGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Decompresses the whole file once within the cap: truncated, corrupt or oversized files fail here. */
    private void verify(Path path) throws IOException {
        try (InputStream in = openJson(path)) {
            byte[] first = in.readNBytes(1);
            if (first.length == 0) {
                throw new TelemetryRejectedException("telemetry file holds no data");
            }
            in.transferTo(OutputStream.nullOutputStream());
        } catch (java.io.EOFException | java.util.zip.ZipException e) {
            throw new TelemetryRejectedException("telemetry is truncated or corrupt gzip: " + e.getMessage(), e);
        }
    }

    /** The JSON inside a stored file, whatever layer of gzip it has (0, 1 or 2), capped at the JSON size limit. */
    public InputStream openJson(Path path) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try {
            for (int layer = 0; layer < 2 && startsWithGzipMagic(in); layer++) {
                in = new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
            }
        } catch (IOException e) {
            in.close();
            throw new TelemetryRejectedException("telemetry file is not valid gzip: " + e.getMessage(), e);
        }
        return new Capped(in, maxJsonBytes, "decompressed telemetry");
    }

    /** file_path and file_size_mb of a stored file, for the processing message. */
    public java.util.Map<String, Object> describe(String matchId) throws IOException {
        Path path = pathFor(matchId);
        java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
        file.put("file_path", path.toString());
        file.put("file_size_mb", Math.round(Files.size(path) / 1048576.0 * 1000) / 1000.0);
        return file;
    }

    /** Moves a bad file aside (kept for inspection, out of the way of a new download). */
    public Path moveAside(String matchId) throws IOException {
        Path path = pathFor(matchId);
        if (!Files.exists(path)) {
            return null;
        }
        Path aside = path.resolveSibling(FILE_NAME + ".failed");
        Files.move(path, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    private static boolean startsWithGzipMagic(InputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b;
    }


    /**
     * Fails once the whole read has taken longer than its deadline: a server that trickles bytes cannot
     * hold a consumer longer than that (each read is bounded by the download timeout on its own).
     */
    static final class Deadline extends FilterInputStream {
        private final long deadlineNanos;
        private final long millis;

        Deadline(InputStream in, long millis) {
            super(in);
            this.millis = millis;
            long now = System.nanoTime();
            this.deadlineNanos = millis >= Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE : now + millis * 1_000_000;
        }

        /** A timeout like any other: the download is tried again (stage retries), never half kept. */
        private void check() throws java.net.SocketTimeoutException {
            if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
                throw new java.net.SocketTimeoutException("telemetry download took longer than its deadline of "
                        + millis / 1000.0 + " s (telemetry.download-deadline-ms)");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            int b = super.read();
            check();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check();
            int n = super.read(buffer, offset, length);
            check();
            return n;
        }
    }

    /** Fails as soon as more than {@code limit} bytes were read: a decompression bomb stops here. */
    static final class Capped extends FilterInputStream {
        private final long limit;
        private final String what;
        private long count;

        Capped(InputStream in, long limit, String what) {
            super(in);
            this.limit = limit;
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > limit) {
                throw new TelemetryRejectedException(what + " is larger than its cap of " + limit + " bytes");
            }
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
