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

    /**
     * The probe's own sizes, in a hub of its own with a 256 MiB heap and the default caps: 1 GiB of
     * {@code [0,0,…]} (1 MB gzipped) and gzip inside gzip of 150 MiB. Both fail their match with the reason
     * while the hub's resident memory stays under 512 MiB.
     */
    @Test
    void atTheProbesSizesAHubWith256MiBOfHeapStaysUnder512MiBResident() throws Exception {
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        try (gg.pewstats.collectors.testing.SharedDatabase db = new gg.pewstats.collectors.testing.SharedDatabase()) {
            api.stubFor(get(urlPathEqualTo("/bomb.json")).willReturn(aResponse().withBody(gzipInGzipOfSpaces(150 << 20))));
            api.stubFor(get(urlPathEqualTo("/numbers.json")).willReturn(aResponse().withBody(gzipOfNumbers(1 << 30))));
            Map<String, String> env = db.hubEnvironment();
            env.put("TELEMETRY_STORAGE_PATH", storage.toString());
            env.put("TELEMETRY_ALLOWED_HOSTS", "localhost");
            env.put("TELEMETRY_ALLOWED_SCHEMES", "http");
            Path log = storage.resolveSibling(storage.getFileName() + "-hub.log");
            gg.pewstats.collectors.testing.HubProcess hub = gg.pewstats.collectors.testing.HubProcess.start(env, log,
                    Path.of("."), "-Xmx256m");
            try {
                gg.pewstats.collectors.testing.HubHome.waitForLog(log, "(pewstats-collectors) started");
                db.execute("INSERT INTO matches (match_id, status) VALUES ('bomb', 'summarized'), ('numbers', 'summarized')");
                org.springframework.amqp.rabbit.connection.CachingConnectionFactory connections =
                        new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(db.servers.amqpHost(), db.servers.amqpPort());
                connections.setUsername(db.servers.amqpUser());
                connections.setPassword(db.servers.amqpPassword());
                try {
                    var rabbit = new org.springframework.amqp.rabbit.core.RabbitTemplate(connections);
                    for (String id : new String[] {"bomb", "numbers"}) {
                        rabbit.convertAndSend("", "match.telemetry." + db.queueSuffix, "{\"match_id\":\"" + id
                                + "\",\"telemetry_url\":\"" + api.baseUrl() + "/" + id + ".json\"}");
                    }
                } finally {
                    connections.destroy();
                }
                gg.pewstats.collectors.testing.SharedDatabase.waitFor("both matches failed", Duration.ofMinutes(4),
                        () -> db.count("SELECT count(*) FROM matches WHERE status = 'failed'") == 2);
                long peak = hub.peakResidentBytes();
                System.out.println("[hostile] peak resident memory of the hub: " + peak / (1 << 20) + " MiB");
                assertThat(peak).as("peak resident bytes").isPositive().isLessThan(512L << 20);
            } finally {
                hub.stop();
            }
            try (var c = db.open(); var rs = c.createStatement().executeQuery(
                    "SELECT match_id, error_message FROM matches ORDER BY match_id")) {
                rs.next();
                assertThat(rs.getString(2)).isEqualTo("telemetry inside its outer gzip is larger than its cap of 104857600 bytes");
                rs.next();
                assertThat(rs.getString(2)).startsWith("telemetry holds no events (").endsWith(" element(s), none of them a JSON object)");
            }
        } finally {
            api.stop();
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
