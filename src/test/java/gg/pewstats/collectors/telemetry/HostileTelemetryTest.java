package gg.pewstats.collectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an attacker (or a broken CDN) could hand the download and extraction stages: every one ends in a
 * clear error with disk and memory bounded by the caps, and leaves nothing behind in the store.
 */
class HostileTelemetryTest {

    private static final byte[] JSON = "[{\"_T\":\"LogMatchDefinition\",\"_D\":\"2026-01-01T00:00:00Z\"}]"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path root;

    /** Gzip of {@code size} spaces, written with no compression: as large as what it holds. */
    private static byte[] storedGzipOfSpaces(int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.NO_COMPRESSION);
            }
        }) {
            byte[] chunk = new byte[1 << 16];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int written = 0; written < size; written += chunk.length) {
                gz.write(chunk, 0, Math.min(chunk.length, size - written));
            }
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzipInsideGzipIsCappedWhileItIsWritten() throws Exception {
        // 64 MiB inside an outer gzip of about 200 kB; the download cap is 1 MiB
        byte[] bomb = gzip(storedGzipOfSpaces(64 << 20));
        assertThat(bomb.length).isLessThan(1 << 20);
        TelemetryFiles files = new TelemetryFiles(root.toString(), 1 << 20, 1L << 30);
        Path folder = root.resolve("matchID=bomb");
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong peak = new AtomicLong();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(size(folder), Math::max);
            }
        });
        watcher.start();
        try {
            assertThatThrownBy(() -> files.store("bomb", new ByteArrayInputStream(bomb)))
                    .isInstanceOf(TelemetryRejectedException.class)
                    .hasMessage("telemetry inside its outer gzip is larger than its cap of 1048576 bytes");
        } finally {
            done.set(true);
            watcher.join();
        }
        assertThat(peak.get()).as("bytes on disk at most").isLessThan(3L << 20);
        assertThat(folder).as("a rejected download leaves no folder behind").doesNotExist();
    }

    @Test
    void aLongGzipFileNameHeaderIsReadWithoutMarks() throws Exception {
        TelemetryFiles files = new TelemetryFiles(root.toString(), 1 << 20, 1 << 20);
        for (boolean doubly : new boolean[] {false, true}) {
            byte[] inner = withFileName(JSON, 100_000);
            byte[] body = doubly ? withFileName(inner, 100_000) : inner;
            String id = doubly ? "named-twice" : "named";
            Path stored = files.store(id, new ByteArrayInputStream(body));
            try (InputStream in = files.openJson(stored)) {
                assertThat(in.readAllBytes()).as(id).isEqualTo(JSON);
            }
        }
    }

    /** A gzip member with the FNAME flag and a file name of {@code length} bytes. */
    private static byte[] withFileName(byte[] data, int length) throws IOException {
        byte[] plain = gzip(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 3);
        out.write(plain[3] | 0x08);
        out.write(plain, 4, 6);
        for (int i = 0; i < length; i++) {
            out.write('a' + i % 26);
        }
        out.write(0);
        out.write(plain, 10, plain.length - 10);
        return out.toByteArray();
    }

    @Test
    void aTrickleIsCutAtTheTotalDeadline() throws Exception {
        TelemetryFiles files = new TelemetryFiles(root.toString(), 1 << 20, 1 << 20, 300);
        InputStream trickle = new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                return ' ';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // as a socket does: what has arrived, here one byte every 20 ms
                b[off] = (byte) read();
                return 1;
            }
        };
        long started = System.nanoTime();
        assertThatThrownBy(() -> files.store("slow", trickle)).isInstanceOf(java.net.SocketTimeoutException.class)
                .hasMessageContaining("deadline");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(root.resolve("matchID=slow")).doesNotExist();
    }

    @Test
    void anArrayOfNonObjectsIsRejectedInBoundedMemory() throws Exception {
        // 256 MiB of "0," read by a JVM with a 48 MiB heap: it must end with a clear rejection, not OOM
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), NonObjects.class.getName(), Integer.toString(256 << 20))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("rejected: telemetry holds no events (134217727 element(s), none of them a JSON object)");
    }

    /** Reads {@code [0,0,...]} of the given size through the telemetry reader (run in a small JVM). */
    public static final class NonObjects {
        public static void main(String[] args) {
            long size = Long.parseLong(args[0]);
            InputStream json = new InputStream() {
                long position;

                @Override
                public int read() {
                    if (position >= size) {
                        return -1;
                    }
                    long p = position++;
                    if (p == 0) {
                        return '[';
                    }
                    if (p == size - 1) {
                        return ']';
                    }
                    return p % 2 == 1 ? '0' : (p == size - 2 ? ' ' : ',');
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    int n = 0;
                    while (n < len) {
                        int c = read();
                        if (c < 0) {
                            return n == 0 ? -1 : n;
                        }
                        b[off + n++] = (byte) c;
                    }
                    return n;
                }
            };
            try {
                new TelemetryReader().read(json, List.of());
                System.out.println("read without error");
            } catch (TelemetryRejectedException e) {
                System.out.println("rejected: " + e.getMessage());
            }
        }
    }

    @Test
    void positionsOfAMillionPlayersWithoutAZoneStayInBoundedMemory() throws Exception {
        // a million position events, each of a new player, all after the only game state (so every one waits
        // for a later state): the analytics state (timeline, zone queue, per-player values) is capped, and a
        // 64 MiB JVM reads it all; the one tracked player still gets its row
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), EndlessPlayers.class.getName(), "1000000")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("events=1000001 summaryRows=10000 zoneRows=1");
    }

    /** Reads a stream of position events of ever new players through every reader of a match. */
    public static final class EndlessPlayers {
        public static void main(String[] args) {
            int count = Integer.parseInt(args[0]);
            // a game state first, then the position events of ever new players
            InputStream json = eventStream(count + 1, i -> i == 0
                    ? "{\"gameState\":{\"elapsedTime\":0,\"safetyZonePosition\":{\"x\":1,\"y\":1},"
                            + "\"safetyZoneRadius\":500000},\"_T\":\"LogGameStatePeriodic\"}"
                    : "{\"character\":{\"name\":\"p" + i + "\",\"teamId\":" + (i % 50) + ",\"health\":100,\"location\":{\"x\":"
                            + (1000 + i) + ".5,\"y\":2000.25,\"z\":10},\"accountId\":\"account." + i + "\"},\"elapsedTime\":" + i
                            + ",\"_D\":\"2026-04-15T21:45:33.120Z\",\"_T\":\"LogPlayerPosition\"}");
            MatchContext match = new MatchContext("m", null, null, null, null, java.util.Set.of("account.7"), true);
            MatchState state = new MatchState();
            List<EventReader> readers = TelemetryExtraction.readers(match, state);
            TelemetryReader.ReadSummary summary = new TelemetryReader().read(json, readers);
            int zoneRows = readers.stream().filter(r -> r instanceof ZonePlayExtractor)
                    .mapToInt(r -> ((ZonePlayExtractor) r).rows().size()).sum();
            System.out.println("events=" + summary.events() + " summaryRows="
                    + state.players().summaryRows("m", List.of()).size() + " zoneRows=" + zoneRows);
        }
    }

    @Test
    void halfAMillionHitsBetweenTeamsStayInBoundedMemoryForTheFights() throws Exception {
        // damage between ever-changing teams, far beyond a real match: the fights keep at most their cap of
        // hits, cluster and judge them, and a 128 MiB JVM reads it all
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), EndlessDamage.class.getName(), "500000")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("events=500000 hits=" + FightsExtractor.MAX_EVENTS);
        // one warning, not one per event past the cap
        assertThat(output.split("hits between teams in one match", -1)).hasSize(2);
    }

    /** Reads a stream of damage events between many teams through the fight extractor alone. */
    public static final class EndlessDamage {
        public static void main(String[] args) {
            int count = Integer.parseInt(args[0]);
            InputStream json = eventStream(count, i -> "{\"attacker\":{\"name\":\"a" + (i % 5000)
                    + "\",\"teamId\":" + (i % 1000) + ",\"location\":{\"x\":" + (1 + i % 700) + "00.5,\"y\":100,\"z\":1}},"
                    + "\"victim\":{\"name\":\"v" + (i % 4999) + "\",\"teamId\":" + (i % 997 + 1000)
                    + ",\"location\":{\"x\":100,\"y\":" + (1 + i % 300) + "00.5,\"z\":1}},\"damage\":" + (10 + i % 90)
                    + ",\"_D\":\"" + java.time.Instant.parse("2026-04-15T21:45:33Z").plusMillis(i * 10L)
                    + "\",\"_T\":\"LogPlayerTakeDamage\"}");
            MatchContext match = new MatchContext("m", null, null, null, null, java.util.Set.of(), true);
            FightsExtractor fights = new FightsExtractor(match);
            TelemetryReader.ReadSummary summary = new TelemetryReader().read(json, List.of(fights));
            System.out.println("events=" + summary.events() + " hits=" + fights.hitsBetweenTeams() + " fights="
                    + fights.rows().size());
        }
    }

    @Test
    void aFailingExtractorStopsThePassWithItsErrorAndLeavesNoThreadBehind() {
        // the extractors run on the reader's second thread: their failure must end the pass, as a bad file does
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"n\":").append(i).append(",\"_T\":\"LogPlayerPosition\"}");
        }
        EventReader failing = new EventReader() {
            @Override
            public java.util.Set<String> eventTypes() {
                return java.util.Set.of("LogPlayerPosition");
            }

            @Override
            public void accept(int eventIndex, com.fasterxml.jackson.databind.JsonNode event) {
                if (eventIndex == 1234) {
                    throw new IllegalArgumentException("extractor failed at event " + eventIndex);
                }
            }
        };
        assertThatThrownBy(() -> new TelemetryReader().read(new ByteArrayInputStream(json.append("]").toString()
                .getBytes(StandardCharsets.UTF_8)), List.of(failing)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("extractor failed at event 1234");
        // and a file cut short while events are still queued for a slow extractor: the queued ones are dropped
        EventReader slow = new EventReader() {
            @Override
            public java.util.Set<String> eventTypes() {
                return java.util.Set.of("LogPlayerPosition");
            }

            @Override
            public void accept(int eventIndex, com.fasterxml.jackson.databind.JsonNode event) {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        String cut = json.substring(0, json.length() / 2);
        assertThatThrownBy(() -> new TelemetryReader().read(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)),
                List.of(slow))).isInstanceOf(TelemetryRejectedException.class).hasMessageContaining("truncated");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces()
                .keySet().stream().noneMatch(t -> t.getName().endsWith("-events")));
    }

    /** A JSON array of {@code count} (at least 1) events, event {@code i} written by {@code event}, made as it is read. */
    static InputStream eventStream(int count, java.util.function.IntFunction<String> event) {
        return new java.io.SequenceInputStream(new java.util.Enumeration<InputStream>() {
            int i = -1;

            @Override
            public boolean hasMoreElements() {
                return i < count - 1;
            }

            @Override
            public InputStream nextElement() {
                i++;
                String text = (i == 0 ? "[" : ",") + event.apply(i) + (i == count - 1 ? "]" : "");
                return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Test
    void anEmptyArrayHasNoEvents() {
        assertThatThrownBy(() -> new TelemetryReader().read(new ByteArrayInputStream("[]".getBytes()), List.of()))
                .isInstanceOf(TelemetryRejectedException.class).hasMessage("telemetry holds no events (an empty array)");
    }

    private static long size(Path folder) {
        long total = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try {
                    total += Files.size(file);
                } catch (IOException gone) {
                    // renamed or deleted meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total;
    }
}
