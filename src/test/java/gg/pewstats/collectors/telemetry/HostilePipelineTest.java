package gg.pewstats.collectors.telemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.TestHub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two hostile files of the probe, served by the CDN stand-in: gzip inside gzip that would fill the disk,
 * and an array of numbers instead of events. Each fails its match with a clear reason, leaves nothing in the
 * store, and the stage goes on.
 */
class HostilePipelineTest {

    @TempDir
    Path storage;

    @Test
    void hostileFilesFailTheirMatchWithTheReason() throws Exception {
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        TestHub hub = null;
        try {
            api.stubFor(get(urlPathEqualTo("/bomb.json")).willReturn(aResponse().withBody(gzipInGzipOfSpaces(16 << 20))));
            api.stubFor(get(urlPathEqualTo("/numbers.json")).willReturn(aResponse().withBody(gzipOfNumbers(32 << 20))));
            hub = TestHub.start(Map.of(
                    "telemetry.allowed-hosts", "localhost",
                    "telemetry.allowed-schemes", "http",
                    "telemetry.storage-path", storage.toString(),
                    "telemetry.max-download-bytes", Integer.toString(4 << 20)));
            for (String id : new String[] {"bomb", "numbers"}) {
                hub.execute("INSERT INTO matches (match_id, status) VALUES (?, 'summarized')", id);
                hub.publish(hub.queue("match.telemetry"), "{\"match_id\":\"" + id + "\",\"telemetry_url\":\""
                        + api.baseUrl() + "/" + id + ".json\"}");
            }
            TestHub h = hub;
            await().atMost(Duration.ofSeconds(90)).until(() -> h.count("SELECT count(*) FROM matches WHERE status = 'failed'") == 2);
            assertThat(error(hub, "bomb")).isEqualTo("telemetry inside its outer gzip is larger than its cap of 4194304 bytes");
            assertThat(error(hub, "numbers")).isEqualTo("telemetry holds no events (16777215 element(s), none of them a JSON object)");
            assertThat(storage.resolve("matchID=bomb")).doesNotExist();
            try (var files = Files.walk(storage)) {
                assertThat(files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".tmp")))
                        .as("temporary files left").isEmpty();
            }
            assertThat(hub.queueDepth(hub.queue("match.telemetry") + ".dlq")).isZero();
            assertThat(hub.queueDepth(hub.queue("match.processing.telemetry") + ".dlq")).isZero();
        } finally {
            TestHub.stopAll(hub, api);
        }
    }

    private static String error(TestHub hub, String id) throws Exception {
        return (String) hub.query("SELECT error_message FROM matches WHERE match_id = ?", id).get(0).get("error_message");
    }

    /** Outer gzip of an inner level-0 gzip of {@code size} spaces. */
    private static byte[] gzipInGzipOfSpaces(int size) throws IOException {
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(outer);
                GZIPOutputStream inner = new GZIPOutputStream(out) {
                    {
                        def.setLevel(Deflater.NO_COMPRESSION);
                    }
                }) {
            write(inner, size, i -> ' ');
        }
        return outer.toByteArray();
    }

    /** Gzip of {@code [0,0,...,0]}, {@code size} bytes of JSON. */
    private static byte[] gzipOfNumbers(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write('[');
            write(out, (size - 3) / 2 * 2, i -> i % 2 == 0 ? '0' : ',');
            out.write('0');
            out.write(']');
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, int size, java.util.function.IntUnaryOperator byteAt) throws IOException {
        byte[] chunk = new byte[1 << 16];
        for (int written = 0; written < size;) {
            int n = Math.min(chunk.length, size - written);
            for (int i = 0; i < n; i++) {
                chunk[i] = (byte) byteAt.applyAsInt(written + i);
            }
            out.write(chunk, 0, n);
            written += n;
        }
    }
}
