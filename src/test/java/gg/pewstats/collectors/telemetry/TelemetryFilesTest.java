package gg.pewstats.collectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.pewstats.collectors.messages.InvalidMessageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The telemetry store with each kind of body a CDN (or an older collector) may hand it. */
class TelemetryFilesTest {

    private static final byte[] JSON = "[{\"_T\":\"LogMatchDefinition\",\"_D\":\"2026-01-01T00:00:00Z\"}]"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    private TelemetryFiles files(long maxDownload, long maxJson) {
        return new TelemetryFiles(root.toString(), maxDownload, maxJson);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }

    private static boolean isGzip(byte[] bytes) {
        return bytes.length > 1 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    @Test
    void gzipIsKeptAsSentAtTheExistingLayout() throws Exception {
        byte[] body = gzip(JSON);
        Path stored = files(1 << 20, 1 << 20).store("abc-123", new ByteArrayInputStream(body));
        assertThat(stored).isEqualTo(root.resolve("matchID=abc-123").resolve("raw.json.gz"));
        assertThat(Files.readAllBytes(stored)).isEqualTo(body);
        assertThat(files(1 << 20, 1 << 20).isComplete("abc-123")).isTrue();
        // nothing else is left in the folder (the temporary file was renamed)
        try (var list = Files.list(stored.getParent())) {
            assertThat(list).containsExactly(stored);
        }
    }

    @Test
    void plainJsonIsGzippedAndDoubleGzipStoredOnce() throws Exception {
        Path plain = files(1 << 20, 1 << 20).store("plain", new ByteArrayInputStream(JSON));
        assertThat(isGzip(Files.readAllBytes(plain))).isTrue();
        assertThat(gunzip(plain)).isEqualTo(JSON);

        Path doubly = files(1 << 20, 1 << 20).store("doubly", new ByteArrayInputStream(gzip(gzip(JSON))));
        byte[] once = gunzip(doubly);
        assertThat(isGzip(once)).isFalse();
        assertThat(once).isEqualTo(JSON);
    }

    @Test
    void badBodiesAreRejectedAndLeaveNoFileBehind() throws Exception {
        TelemetryFiles files = files(1 << 20, 10_000);
        assertThatThrownBy(() -> files.store("empty", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("empty");
        byte[] noise = new byte[8_000];
        new java.util.Random(1).nextBytes(noise);
        byte[] whole = gzip(noise);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> files.store("truncated", new ByteArrayInputStream(truncated)))
                .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("truncated");
        // a decompression bomb: 2 MB of zeros in a few kB of gzip, stopped at the 10 kB cap
        byte[] bomb = gzip(new byte[2_000_000]);
        assertThat(bomb.length).isLessThan(10_000);
        assertThatThrownBy(() -> files.store("bomb", new ByteArrayInputStream(bomb)))
                .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> files(1000, 1 << 20).store("big", new ByteArrayInputStream(new byte[5000])))
                .isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("download");
        for (String id : new String[] {"empty", "truncated", "bomb", "big"}) {
            Path folder = root.resolve("matchID=" + id);
            if (Files.exists(folder)) {
                try (var list = Files.list(folder)) {
                    assertThat(list).as(id).isEmpty();
                }
            }
        }
    }

    @Test
    void matchIdsThatLeaveTheRootAreRefused() {
        for (String id : new String[] {"../x", "..", "a/b", "/etc/passwd", "x\u0000y"}) {
            assertThatThrownBy(() -> files(1, 1).pathFor(id)).as(id).isInstanceOf(InvalidMessageException.class);
        }
    }

    @Test
    void aBadFileIsMovedAside() throws Exception {
        TelemetryFiles files = files(1 << 20, 1 << 20);
        Path stored = files.store("m", new ByteArrayInputStream(gzip(JSON)));
        Path aside = files.moveAside("m");
        assertThat(stored).doesNotExist();
        assertThat(aside).exists().hasFileName("raw.json.gz.failed");
        assertThat(files.isComplete("m")).isFalse();
    }

    @Test
    void temporariesOfAKilledProcessGoAtTheNextDownloadOthersStay() throws Exception {
        Path folder = Files.createDirectories(root.resolve("matchID=k"));
        Path stale = folder.resolve("raw.json.gz.999999999-1.a.download.tmp");
        Path olderHub = folder.resolve("raw.json.gz.ebe70662-d228-4c81-bf01-d5d16c71a0dc.tmp");
        String self = ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        Path running = folder.resolve("raw.json.gz." + self + ".b.tmp");
        for (Path p : new Path[] {stale, olderHub, running}) {
            Files.write(p, new byte[10]);
        }
        files(1 << 20, 1 << 20).store("k", new ByteArrayInputStream(gzip(JSON)));
        assertThat(stale).doesNotExist();
        assertThat(olderHub).doesNotExist();
        assertThat(running).as("a download still running in this process").exists();
    }
}
