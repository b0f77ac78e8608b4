package gg.pewstats.collectors.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import gg.pewstats.collectors.telemetry.MatchContext;
import gg.pewstats.collectors.telemetry.TableRows;
import gg.pewstats.collectors.telemetry.TelemetryExtraction;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import gg.pewstats.collectors.telemetry.TelemetryFiles;
import gg.pewstats.collectors.telemetry.TelemetryGenerator;
import gg.pewstats.collectors.testing.RouteTestSupport;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * The telemetry benchmark ({@code mvn -Pbenchmark test}; not part of the normal test run). On one
 * generated full-size modern match, in one run, it measures:
 * extraction speed (parse + every extractor, no database) against gunzip + Jackson tokenization alone;
 * whether the extraction succeeds in a JVM with -Xmx256m, and its peak heap there;
 * the database load of that match's rows through the hub's own route (telemetry-extraction-transaction:
 * deletes, COPY, the players' summary values, flags and status in one transaction) against a bare COPY of the
 * same rows into the same tables, committed; and the whole match (extraction and that transaction) against
 * the live system's time for the same work. Times are medians of alternating runs; the report goes to stdout and to
 * target/benchmark-report.txt. The targets are checked here, in the report, never in the unit tests.
 */
@Tag("benchmark")
class TelemetryBenchmarkTest extends RouteTestSupport {

    private static final int RUNS = 11;
    /** Rounds before measuring: the hub runs for days, its steady state is what counts. */
    private static final int WARM_UP = 20;

    @Test
    void telemetryBenchmark() throws Exception {
        Path dir = Files.createTempDirectory("pewstats-bench");
        Path file = dir.resolve("matchID=bench").resolve("raw.json.gz");
        Files.createDirectories(file.getParent());
        TelemetryGenerator.fullSizeSquadMatch(42).writeGzip(file);
        long rawBytes;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            rawBytes = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        TelemetryFiles files = new TelemetryFiles(dir.toString(), Long.MAX_VALUE, Long.MAX_VALUE);
        // four tracked players (their zone positions are rows too), damage filter off: every damage event a row
        TelemetryGenerator generator = TelemetryGenerator.fullSizeSquadMatch(42);
        Set<String> tracked = Set.copyOf(generator.accountIds().subList(0, 4));
        MatchContext match = new MatchContext("bench", "Rondo", "squad", "official", null, tracked, false);
        TelemetryExtraction extraction = new TelemetryExtraction(files, false);

        // warm-up, then alternating measured runs
        for (int i = 0; i < WARM_UP; i++) {
            tokenize(file);
            extraction.extract(match, file);
        }
        long[] tokenize = new long[RUNS];
        long[] extract = new long[RUNS];
        Extraction result = null;
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            tokenize(file);
            tokenize[i] = System.nanoTime() - t0;
            t0 = System.nanoTime();
            result = extraction.extract(match, file);
            extract[i] = System.nanoTime() - t0;
        }
        double speedRatio = (double) median(tokenize) / median(extract);

        String probe = runHeapProbe(file);

        // fights: the detection at the end of the pass (clustering, enrichment, rules) against the whole
        // extraction, on this match and on one with four times its combat events
        Path dense = dir.resolve("matchID=dense").resolve("raw.json.gz");
        Files.createDirectories(dense.getParent());
        TelemetryGenerator.fullSizeSquadMatch(42).withCombatDensity(4).writeGzip(dense);
        // the detection alone, many times over the same events (it is a few milliseconds: medians of 41)
        List<com.fasterxml.jackson.databind.JsonNode> oneEvents = fightEvents(files, file);
        List<com.fasterxml.jackson.databind.JsonNode> fourEvents = fightEvents(files, dense);
        int fightRuns = 41;
        long[] fights = new long[fightRuns];
        long[] denseFights = new long[fightRuns];
        long[] combat = new long[2];
        for (int i = 0; i < WARM_UP * 3 + fightRuns; i++) {
            long[] one = fightDetection(match, oneEvents);
            long[] four = fightDetection(match, fourEvents);
            if (i >= WARM_UP * 3) {
                fights[i - WARM_UP * 3] = one[0];
                denseFights[i - WARM_UP * 3] = four[0];
            }
            combat[0] = one[1];
            combat[1] = four[1];
        }
        double fightShare = (double) median(fights) / median(extract);
        double fightGrowth = (double) median(denseFights) / median(fights);

        // database: the hub's own transaction route (telemetry-extraction-transaction: deletes, COPY, summary values, flags
        // and status, one transaction) against a bare COPY of the same rows, on this test's own database
        context.start();
        DataSource ds = dataSource();
        execute("INSERT INTO matches (match_id, status) VALUES ('bench', 'downloaded'), ('bench-copy', 'downloaded')");
        // the players' summary rows, which the route updates with their telemetry values
        for (String player : generator.accountIds()) {
            execute("INSERT INTO match_summaries (match_id, participant_id, player_id, player_name) VALUES ('bench', ?, ?, ?)",
                    "p-" + player, player, player);
        }
        long[] store = new long[RUNS];
        long[] copy = new long[RUNS];
        Extraction loaded = result;
        for (int i = 0; i < RUNS + 2; i++) {
            long c = bareCopy(ds, result.tables());
            long t0 = System.nanoTime();
            Exchange stored = template.send("direct:telemetry-extraction-transaction", e -> {
                e.setProperty("matchId", "bench");
                e.getMessage().setBody(loaded);
            });
            long st = System.nanoTime() - t0;
            if (stored.getException() != null) {
                throw stored.getException();
            }
            if (i >= 2) {
                copy[i - 2] = c;
                store[i - 2] = st;
            }
        }
        double loadRatio = (double) median(store) / median(copy);
        // the whole match as the stage does it with its defaults (damage rows of tracked players only, as the
        // live system also keeps them): read with every extractor, then the transaction committed
        MatchContext defaults = new MatchContext("bench", "Rondo", "squad", "official", null, tracked, true);
        TelemetryExtraction stage = new TelemetryExtraction(files, true);
        long[] whole = new long[RUNS];
        int defaultRows = 0;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long t0 = System.nanoTime();
            Extraction fresh = stage.extract(defaults, file);
            Exchange stored = template.send("direct:telemetry-extraction-transaction", e -> {
                e.setProperty("matchId", "bench");
                e.getMessage().setBody(fresh);
            });
            if (i >= WARM_UP) {
                whole[i - WARM_UP] = System.nanoTime() - t0;
            }
            if (stored.getException() != null) {
                throw stored.getException();
            }
            defaultRows = fresh.rowCounts().values().stream().mapToInt(Integer::intValue).sum();
        }

        int rows = result.rowCounts().values().stream().mapToInt(Integer::intValue).sum();
        String report = String.join("\n",
                "Telemetry benchmark (one run: " + WARM_UP + " warm-up rounds, then medians of " + RUNS + " alternating runs)",
                String.format("file: %d events, %.1f MB JSON, %.2f MB gzip; rows %s (damage filter off)",
                        result.summary().events(), rawBytes / 1e6, Files.size(file) / 1e6, result.rowCounts()),
                String.format("gunzip + tokenize: %d ms; extraction (parse + every extractor): %d ms", median(tokenize) / 1_000_000,
                        median(extract) / 1_000_000),
                String.format("extraction speed / tokenization speed = %.2f (target >= 0.60)", speedRatio),
                "extraction with -Xmx256m: " + probe,
                String.format("fight detection (CPU time): %.1f ms = %.1f %% of the extraction (target <= 5 %%), %d fights; with 4 x the"
                        + " combat events (%d hits between teams instead of %d): %.1f ms, %.2f x (target <= ~4.5 x);"
                        + " the live system: 81 s on one such match", median(fights) / 1e6, 100 * fightShare,
                        result.rowCounts().get("team_fights"), combat[1], combat[0], median(denseFights) / 1e6, fightGrowth),
                String.format("database load (%d rows, and %d summary rows updated): store %d ms, bare COPY %d ms, ratio %.2f"
                        + " (target <= 1.50)", rows, result.summaryStats().size(), median(store) / 1_000_000,
                        median(copy) / 1_000_000, loadRatio),
                String.format("whole match with the stage's defaults (read, every extractor, %d rows committed): %d ms;"
                        + " the live system: about 3600 ms without writing (1.4 s reading, 2.2 s extracting), ratio %.3f"
                        + " (target well under 0.10)", defaultRows, median(whole) / 1_000_000, median(whole) / 1e6 / 3600));
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-report.txt"), report + "\n");
        assertThat(probe).startsWith("ok");
    }

    /** The events of a file the fight extractor reads, as trees (the pass would hand them over). */
    private static List<com.fasterxml.jackson.databind.JsonNode> fightEvents(TelemetryFiles files, Path file) throws Exception {
        gg.pewstats.collectors.telemetry.FightsExtractor probe = new gg.pewstats.collectors.telemetry.FightsExtractor(
                new MatchContext("bench", null, null, null, null, Set.of(), false));
        List<com.fasterxml.jackson.databind.JsonNode> events = new ArrayList<>();
        try (InputStream json = files.openJson(file)) {
            for (com.fasterxml.jackson.databind.JsonNode e : new com.fasterxml.jackson.databind.ObjectMapper().readTree(json)) {
                if (probe.eventTypes().contains(e.path("_T").asText())) {
                    events.add(e);
                }
            }
        }
        return events;
    }

    /** The fight extractor over those events; its detection's CPU time and the hits between teams it kept. */
    private static long[] fightDetection(MatchContext match, List<com.fasterxml.jackson.databind.JsonNode> events) {
        gg.pewstats.collectors.telemetry.FightsExtractor fights = new gg.pewstats.collectors.telemetry.FightsExtractor(match);
        for (int i = 0; i < events.size(); i++) {
            fights.accept(i, events.get(i));
        }
        fights.finish();
        return new long[] {fights.detectionNanos(), fights.hitsBetweenTeams()};
    }

    private static void tokenize(Path file) throws Exception {
        JsonFactory factory = new JsonFactory();
        try (InputStream in = new BufferedInputStream(new GZIPInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16), 1 << 16);
                JsonParser parser = factory.createParser(in)) {
            long tokens = 0;
            while (parser.nextToken() != null) {
                tokens++;
            }
            if (tokens == 0) {
                throw new IllegalStateException("no tokens");
            }
        }
    }

    /**
     * The baseline: the same rows (under another match id) COPYed into the same tables, indexes and
     * constraints included, and committed; the rows are removed afterwards, outside the timing.
     */
    private static long bareCopy(DataSource ds, List<TableRows> tables) throws Exception {
        long elapsed;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            // the fights get ids of their own, as the route's do; given before the timing
            java.util.Map<Object, Long> fightIds = new java.util.HashMap<>();
            for (TableRows t : tables) {
                if (t.table().equals("team_fights")) {
                    try (Statement s = c.createStatement(); var ids = s.executeQuery(
                            "SELECT nextval(pg_get_serial_sequence('team_fights', 'id')) FROM generate_series(1, " + t.size() + ")")) {
                        for (Object[] row : t.rows()) {
                            ids.next();
                            fightIds.put(row[0], ids.getLong(1));
                        }
                    }
                }
            }
            long t0 = System.nanoTime();
            for (TableRows t : tables) {
                if (t.size() > 0) {
                    int matchColumn = t.columns().indexOf("match_id");
                    List<Object[]> rows = new ArrayList<>(t.size());
                    for (Object[] row : t.rows()) {
                        Object[] copyRow = row.clone();
                        copyRow[matchColumn] = "bench-copy";
                        if (fightIds.containsKey(copyRow[0])) {
                            copyRow[0] = fightIds.get(copyRow[0]);
                        }
                        rows.add(copyRow);
                    }
                    copy.copyIn("COPY " + t.table() + " (" + String.join(", ", t.columns()) + ") FROM STDIN",
                            new StringReader(copyText(rows)));
                }
            }
            c.commit();
            elapsed = System.nanoTime() - t0;
            try (Statement s = c.createStatement()) {
                // participants before their fights
                List<TableRows> reversed = new ArrayList<>(tables);
                java.util.Collections.reverse(reversed);
                for (TableRows t : reversed) {
                    s.execute("DELETE FROM " + t.table() + " WHERE match_id = 'bench-copy'");
                }
            }
            c.commit();
        }
        return elapsed;
    }

    /** The same text the store sends (package-private there), built here the same way. */
    private static String copyText(List<Object[]> rows) throws Exception {
        var method = Class.forName("gg.pewstats.collectors.store.CopyText").getDeclaredMethod("of", List.class);
        method.setAccessible(true);
        return (String) method.invoke(null, rows);
    }

    private static String runHeapProbe(Path file) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), ExtractionHeapProbe.class.getName(), file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        String line = Arrays.stream(out.split("\n")).filter(l -> l.startsWith("rows=")).findFirst().orElse(out.trim());
        if (code != 0 || !line.startsWith("rows=")) {
            return "FAILED (exit " + code + "): " + line;
        }
        long peak = Long.parseLong(line.replaceAll(".*peakHeapBytes=(\\d+).*", "$1"));
        return String.format("ok, peak heap %.0f MB of 256 MB (%s)", peak / 1e6, line);
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
