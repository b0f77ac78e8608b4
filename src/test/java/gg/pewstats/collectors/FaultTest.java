package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.telemetry.TelemetryGenerator;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Nothing lost, nothing duplicated, under faults: 200 matches go through a hub running in its own JVM
 * (discovery, summary, download, extraction) while the hub is killed with SIGKILL during extraction and
 * started again, stopped with SIGTERM mid-work and started again, the broker is restarted, every
 * PostgreSQL connection of the hub is cut, and the API and CDN answer with 429s, 5xx, connection resets
 * and timeouts. The report (stdout and target/fault-report.txt) gives matches
 * sent, completed, failed with reason, lost and duplicate rows; lost and duplicated must both be 0.
 */
class FaultTest {

    private static final int MATCHES = 200;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofMinutes(6);

    @Test
    void twoHundredMatchesThroughKillsRestartsAndBursts() throws Exception {
        TestServers servers = TestServers.get();
        String env = TestServers.uniqueName("f");
        String database = TestServers.uniqueName("pewstats_fault_");
        String dbUrl = servers.createDatabase(database);
        Path storage = Files.createTempDirectory("pewstats-fault-telemetry");
        Path log = Path.of("target", "fault-hub.log");
        Files.deleteIfExists(log);

        // telemetry: one small modern match, the same file behind every match's URL
        TelemetryGenerator generator = new TelemetryGenerator(12, 4, 700, 5);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        generator.write(json);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json.toByteArray());
        }
        Map<String, Long> expectedRows = expectedRows(JSON.readTree(json.toByteArray()), generator.accountIds().subList(0, 10));

        WireMockServer api = new WireMockServer(options().dynamicPort().containerThreads(40));
        api.start();
        List<String> matchIds = new ArrayList<>();
        ObjectNode template = (ObjectNode) JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2026));
        for (int i = 0; i < MATCHES; i++) {
            String id = String.format("%08x-0000-4000-8000-%012x", i + 1, i + 1);
            matchIds.add(id);
            ObjectNode match = template.deepCopy();
            ((ObjectNode) match.path("data")).put("id", id);
            for (JsonNode node : match.path("included")) {
                if ("asset".equals(node.path("type").asText())) {
                    ((ObjectNode) node.path("attributes")).put("URL", api.baseUrl() + "/telemetry/" + id + ".json");
                }
            }
            String matchPath = "/shards/steam/matches/" + id;
            String telemetryPath = "/telemetry/" + id + ".json";
            if (i % 11 == 1) { // the connection is reset on the first call
                api.stubFor(get(urlPathEqualTo(matchPath)).inScenario("m" + i).whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                        .willSetStateTo("up"));
                api.stubFor(get(urlPathEqualTo(matchPath)).inScenario("m" + i).whenScenarioStateIs("up")
                        .willReturn(aResponse().withBody(match.toString())));
            } else if (i % 5 == 0) { // a 5xx burst: the first call fails
                api.stubFor(get(urlPathEqualTo(matchPath)).inScenario("m" + i).whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
                api.stubFor(get(urlPathEqualTo(matchPath)).inScenario("m" + i).whenScenarioStateIs("up")
                        .willReturn(aResponse().withBody(match.toString())));
            } else {
                api.stubFor(get(urlPathEqualTo(matchPath)).willReturn(aResponse().withBody(match.toString())));
            }
            if (i % 13 == 2) { // the CDN does not answer within the timeout on the first call
                api.stubFor(get(urlPathEqualTo(telemetryPath)).inScenario("t" + i).whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withFixedDelay(4000).withBody(gz.toByteArray())).willSetStateTo("up"));
                api.stubFor(get(urlPathEqualTo(telemetryPath)).inScenario("t" + i).whenScenarioStateIs("up")
                        .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray())));
            } else if (i % 7 == 0) {
                api.stubFor(get(urlPathEqualTo(telemetryPath)).inScenario("t" + i).whenScenarioStateIs(STARTED)
                        .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
                api.stubFor(get(urlPathEqualTo(telemetryPath)).inScenario("t" + i).whenScenarioStateIs("up")
                        .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray())));
            } else {
                api.stubFor(get(urlPathEqualTo(telemetryPath))
                        .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray())));
            }
        }
        // ten tracked players (the telemetry's first ten), twenty matches each; a 429 burst first
        ObjectNode players = JSON.createObjectNode();
        ArrayNode data = players.putArray("data");
        for (int p = 0; p < 10; p++) {
            ObjectNode player = data.addObject().put("type", "player").put("id", generator.accountIds().get(p));
            player.putObject("attributes").put("name", "player" + p).put("shardId", "steam");
            ArrayNode refs = player.putObject("relationships").putObject("matches").putArray("data");
            for (int m = p * 20; m < p * 20 + 20; m++) {
                refs.addObject().put("type", "match").put("id", matchIds.get(m));
            }
        }
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("players").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("once"));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("players").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("open"));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("players").whenScenarioStateIs("open")
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(players.toString())));

        Map<String, String> hubEnv = new HashMap<>();
        hubEnv.put("DB_URL", dbUrl);
        hubEnv.put("DB_USER", servers.dbUser());
        hubEnv.put("DB_PASSWORD", servers.dbPassword());
        hubEnv.put("RABBITMQ_HOST", servers.amqpHost());
        hubEnv.put("RABBITMQ_PORT", Integer.toString(servers.amqpPort()));
        hubEnv.put("ENVIRONMENT", env);
        hubEnv.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        hubEnv.put("PUBG_API_KEYS", "fault-key-0001");
        hubEnv.put("PUBG_API_BASE_URL", api.baseUrl());
        hubEnv.put("PUBG_RETRY_INITIAL_DELAY_MS", "200");
        hubEnv.put("DISCOVERY_CRON", "0/10 * * * * ?");
        hubEnv.put("RECOVERY_CRON", "0/5 * * * * ?");
        hubEnv.put("RECOVERY_STUCK_AFTER_SECONDS", "20");
        hubEnv.put("RECOVERY_MAX_ATTEMPTS", "10");
        hubEnv.put("STAGE_RETRY_INITIAL_DELAY_MS", "500");
        hubEnv.put("SUMMARY_CONSUMERS", "4");
        hubEnv.put("TELEMETRY_DOWNLOAD_CONSUMERS", "4");
        hubEnv.put("TELEMETRY_EXTRACTION_CONSUMERS", "2");
        hubEnv.put("TELEMETRY_STORAGE_PATH", storage.toString());
        hubEnv.put("TELEMETRY_ALLOWED_HOSTS", "localhost");
        hubEnv.put("TELEMETRY_ALLOWED_SCHEMES", "http");
        hubEnv.put("TELEMETRY_DOWNLOAD_TIMEOUT_MS", "2000");

        Map<String, String> faults = new LinkedHashMap<>();
        long started = System.nanoTime();
        HubProcess hub = null;
        // a connection per query: the fault below cuts every connection to the database, the test's too
        Db db = () -> DriverManager.getConnection(dbUrl, servers.dbUser(), servers.dbPassword());
        try {
            // the tracked players, once the hub has migrated the schema
            hub = HubProcess.start(hubEnv, log);
            waitFor("schema migrated", () -> count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'players'") == 1);
            try (Connection c = db.open(); Statement s = c.createStatement()) {
                StringBuilder insert = new StringBuilder("INSERT INTO players (player_id, player_name) VALUES ");
                for (int p = 0; p < 10; p++) {
                    insert.append(p == 0 ? "" : ", ").append("('").append(generator.accountIds().get(p)).append("', 'player").append(p).append("')");
                }
                s.execute(insert.toString());
            }

            waitFor("30 matches completed", () -> completed(db) >= 30);
            long inFlight = count(db, "SELECT count(*) FROM matches WHERE status = 'downloaded'");
            hub.kill();
            faults.put("SIGKILL of the hub", "at " + completed(db) + " completed, " + inFlight + " downloaded and being extracted");
            hub = HubProcess.start(hubEnv, log);

            waitFor("60 matches completed", () -> completed(db) >= 60);
            long inFlightAtStop = count(db, "SELECT count(*) FROM matches WHERE status IN ('discovered', 'summarized', 'downloaded')");
            hub.stop();
            faults.put("SIGTERM of the hub", "at " + completed(db) + " completed, " + inFlightAtStop + " in flight");
            hub = HubProcess.start(hubEnv, log);

            waitFor("90 matches completed", () -> completed(db) >= 90);
            int before = completed(db);
            servers.restartBroker();
            faults.put("broker restart", "at " + before + " completed (" + (servers.brokerIsEmbedded() ? "embedded broker" : "RabbitMQ stop_app/start_app") + ")");

            waitFor("140 matches completed", () -> completed(db) >= 140);
            before = completed(db);
            int dropped = servers.dropConnections(database);
            faults.put("PostgreSQL connections cut", "at " + before + " completed (" + dropped + " connections terminated)");

            waitFor("every match completed or failed",
                    () -> count(db, "SELECT count(*) FROM matches WHERE status IN ('completed', 'failed')") >= MATCHES);
            hub.stop();
            hub = null;

            // the report
            int completed = completed(db);
            Map<String, Integer> failed = new TreeMap<>();
            try (Connection c = db.open(); ResultSet rs = c.createStatement().executeQuery(
                    "SELECT error_message, count(*) FROM matches WHERE status = 'failed' GROUP BY error_message")) {
                while (rs.next()) {
                    failed.put(rs.getString(1), rs.getInt(2));
                }
            }
            // no temporary file left, and every file under its final name is whole gzip
            long partialFiles;
            try (var files = Files.walk(storage)) {
                partialFiles = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("raw.json.gz")
                        || !new gg.pewstats.collectors.telemetry.TelemetryFiles(storage.toString(), Long.MAX_VALUE, Long.MAX_VALUE)
                                .isComplete(f.getParent().getFileName().toString().substring("matchID=".length()))).count();
            }
            long stored = count(db, "SELECT count(*) FROM matches WHERE match_id = ANY(ARRAY['" + String.join("','", matchIds) + "'])");
            long terminal = count(db, "SELECT count(*) FROM matches WHERE status IN ('completed', 'failed')");
            long lost = MATCHES - Math.min(stored, terminal);
            long duplicates = count(db, "SELECT coalesce(sum(n - 100), 0) FROM (SELECT count(*) n FROM match_summaries GROUP BY match_id) c WHERE n > 100");
            long wrongCounts = 0;
            for (Map.Entry<String, Long> table : expectedRows.entrySet()) {
                duplicates += count(db, "SELECT coalesce(sum(n - " + table.getValue() + "), 0) FROM (SELECT count(*) n FROM "
                        + table.getKey() + " GROUP BY match_id) c WHERE n > " + table.getValue());
                wrongCounts += count(db, "SELECT count(*) FROM matches m WHERE m.status = 'completed' AND "
                        + "(SELECT count(*) FROM " + table.getKey() + " t WHERE t.match_id = m.match_id) <> " + table.getValue());
            }
            String report = String.join("\n",
                    "Fault run: " + MATCHES + " matches in " + (System.nanoTime() - started) / 1_000_000_000 + " s",
                    "faults: " + faults,
                    "API trouble: players 2 x 429 (Retry-After 1 s); /matches: connection reset on the first call of every 11th match, "
                            + "503 on the first call of every 5th; CDN: no answer within the 2 s timeout on the first call of every 13th, "
                            + "500 on the first call of every 7th",
                    "sent " + MATCHES + ", completed " + completed + ", failed " + failed + ", lost " + lost
                            + ", duplicate rows " + duplicates + ", completed matches with wrong row counts " + wrongCounts
                            + ", partial or temporary telemetry files " + partialFiles);
            System.out.println(report);
            Files.writeString(Path.of("target", "fault-report.txt"), report + "\n");
            assertThat(lost).as("lost matches").isZero();
            assertThat(duplicates).as("duplicate rows").isZero();
            assertThat(wrongCounts).as("completed matches with rows missing or extra").isZero();
            assertThat(completed).as("completed").isEqualTo(MATCHES);
            assertThat(partialFiles).as("partial or temporary telemetry files").isZero();
        } finally {
            if (hub != null) {
                hub.kill();
            }
            api.stop();
            CachingConnectionFactory connections = new CachingConnectionFactory(servers.amqpHost(), servers.amqpPort());
            connections.setUsername(servers.amqpUser());
            connections.setPassword(servers.amqpPassword());
            try {
                RabbitAdmin admin = new RabbitAdmin(connections);
                for (String stage : List.of("match.discovered", "match.telemetry", "match.processing.telemetry", "match.completed")) {
                    admin.deleteQueue(stage + "." + env);
                    admin.deleteQueue(stage + "." + env + ".dlq");
                }
            } finally {
                connections.destroy();
                servers.dropDatabase(database);
            }
        }
    }

    /** Rows per table one completed match must have, read from the telemetry file itself. */
    private static Map<String, Long> expectedRows(JsonNode events, List<String> tracked) {
        Map<String, Long> byType = new HashMap<>();
        long damage = 0;
        List<Double> circles = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("_T").asText();
            byType.merge(type, 1L, Long::sum);
            if ("LogPlayerTakeDamage".equals(type) && (tracked.contains(e.path("victim").path("accountId").asText())
                    || tracked.contains(e.path("attacker").path("accountId").asText("")))) {
                damage++;
            }
            if ("LogGameStatePeriodic".equals(type)) {
                double r = e.path("gameState").path("poisonGasWarningRadius").asDouble();
                if (r > 0 && !circles.contains(r)) {
                    circles.add(r);
                }
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("landings", byType.getOrDefault("LogParachuteLanding", 0L));
        rows.put("kill_positions", byType.getOrDefault("LogPlayerKillV2", 0L));
        rows.put("weapon_kill_events", byType.getOrDefault("LogPlayerKillV2", 0L) + byType.getOrDefault("LogPlayerMakeGroggy", 0L));
        rows.put("player_damage_events", damage);
        rows.put("circle_positions", (long) circles.size());
        return rows;
    }

    interface Db {
        Connection open() throws java.sql.SQLException;
    }

    private static int completed(Db db) {
        return (int) count(db, "SELECT count(*) FROM matches WHERE status = 'completed'");
    }

    /** -1 when the query fails (the database may be in the middle of a fault). */
    private static long count(Db db, String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    private void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what + " (hub log: target/fault-hub.log)");
            }
            Thread.sleep(500);
        }
    }
}
