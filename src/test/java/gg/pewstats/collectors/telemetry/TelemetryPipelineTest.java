package gg.pewstats.collectors.telemetry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;

/**
 * Stages 2 to 4 through the hub's routes on a real database and broker: a discovered match is summarized,
 * its telemetry (modern events to the official schema, gzipped by the stand-in CDN) downloaded to the
 * store, extracted into every telemetry table and the players' summary rows, and announced as completed;
 * processing it again leaves every row as it was. Bad telemetry ends as a failed match.
 */
class TelemetryPipelineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path storage;
    static WireMockServer api;
    static TestHub hub;
    static String id2026;
    static String id2018;
    static byte[] telemetryJson;
    static TelemetryGenerator generator;

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        ObjectNode match2026 = withTelemetryUrl(PubgSamples.read(PubgSamples.MATCH_2026), api.baseUrl() + "/bluehole-pubg/steam/2026/04/15/22/12/modern-telemetry.json");
        // the match's own 100 participants, so the telemetry's values land in its summary rows
        generator = TelemetryGenerator.forMatch(match2026.toString(), 4, 900, 11);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        generator.write(json);
        telemetryJson = json.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(telemetryJson);
        }

        ObjectNode match2018 = withTelemetryUrl(PubgSamples.read(PubgSamples.MATCH_2018), api.baseUrl() + "/bluehole-pubg/steam/2018/truncated-telemetry.json");
        id2026 = match2026.path("data").path("id").asText();
        id2018 = match2018.path("data").path("id").asText();
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id2026)).willReturn(aResponse().withBody(match2026.toString())));
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id2018)).willReturn(aResponse().withBody(match2018.toString())));
        api.stubFor(get(urlPathEqualTo("/bluehole-pubg/steam/2026/04/15/22/12/modern-telemetry.json"))
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withHeader("Content-Type", "application/json")
                        .withBody(gz.toByteArray())));
        api.stubFor(get(urlPathEqualTo("/bluehole-pubg/steam/2018/truncated-telemetry.json"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Files.readAllBytes(PubgSamples.root().resolve("telemetry/pubg-api-kotlin_telemetry_2018-04_TRUNCATED_original.json")))));
        api.stubFor(get(urlPathEqualTo("/expired-telemetry.json")).willReturn(aResponse().withStatus(403)
                .withBody("<Error><Code>AccessDenied</Code></Error>")));

        hub = TestHub.start(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "telemetry.allowed-hosts", "localhost",
                "telemetry.allowed-schemes", "http",
                "telemetry.storage-path", storage.toString(),
                "stage.retry.max-attempts", "1",
                "fights.combatability-refresh-ms", "500"));
        hub.execute("INSERT INTO players (player_id, player_name) VALUES (?, 'p0'), (?, 'p5')",
                generator.accountIds().get(0), generator.accountIds().get(5));
    }

    private static ObjectNode withTelemetryUrl(String matchJson, String url) throws Exception {
        ObjectNode match = (ObjectNode) JSON.readTree(matchJson);
        for (JsonNode node : match.path("included")) {
            if ("asset".equals(node.path("type").asText())) {
                ((ObjectNode) node.path("attributes")).put("URL", url);
            }
        }
        return match;
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, api);
    }

    /** Stores the match as discovery does, and returns the message discovery publishes for it. */
    private static String discovered(String matchId) throws Exception {
        hub.execute("INSERT INTO matches (match_id, status, map_name, game_mode, match_datetime) "
                + "VALUES (?, 'discovered', 'Rondo', 'squad', '2026-04-15T21:45:33Z') ON CONFLICT DO NOTHING", matchId);
        return message(matchId);
    }

    private static String message(String matchId) {
        return "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                + "\"match_datetime\":\"2026-04-15T21:45:33Z\",\"telemetry_url\":null}";
    }

    @Test
    void aMatchGoesFromDiscoveredToRowsInEveryTable() throws Exception {
        hub.publish(hub.queue("match.discovered"), discovered(id2026));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'completed'", id2026) == 1);

        // the file, singly gzipped, at the existing layout, holding exactly what the CDN sent
        Path file = storage.resolve("matchID=" + id2026).resolve("raw.json.gz");
        assertThat(file).exists();
        byte[] stored;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            stored = in.readAllBytes();
        }
        assertThat(stored).isEqualTo(telemetryJson);

        // rows per table as the file says
        JsonNode all = JSON.readTree(telemetryJson);
        Map<String, Integer> byType = new HashMap<>();
        all.forEach(e -> byType.merge(e.path("_T").asText(), 1, Integer::sum));
        List<String> tracked = List.of(generator.accountIds().get(0), generator.accountIds().get(5));
        long trackedDamage = 0;
        for (JsonNode e : all) {
            if ("LogPlayerTakeDamage".equals(e.path("_T").asText())
                    && (tracked.contains(e.path("victim").path("accountId").asText())
                            || tracked.contains(e.path("attacker").path("accountId").asText("")))) {
                trackedDamage++;
            }
        }
        long trackedPositions = 0;
        Set<String> finishers = new HashSet<>();
        Set<String> weaponUsers = new HashSet<>();
        for (JsonNode e : all) {
            String type = e.path("_T").asText();
            if ("LogPlayerPosition".equals(type) && tracked.contains(e.path("character").path("accountId").asText())) {
                trackedPositions++;
            } else if ("LogPlayerMakeGroggy".equals(type)) {
                finishers.add(e.path("attacker").path("name").asText());
                weaponUsers.add(e.path("attacker").path("name").asText());
            } else if ("LogPlayerKillV2".equals(type) && e.path("dBNOId").asLong() == -1) {
                finishers.add(e.path("finisher").path("name").asText());
            }
            if ("LogPlayerTakeDamage".equals(type) && e.path("attacker").isObject()) {
                weaponUsers.add(e.path("attacker").path("name").asText());
            } else if ("LogPlayerKillV2".equals(type) && e.path("killer").isObject()) {
                weaponUsers.add(e.path("killer").path("name").asText());
            }
        }
        Map<String, Long> expected = Map.of(
                "landings", (long) byType.get("LogParachuteLanding"),
                "kill_positions", (long) byType.get("LogPlayerKillV2"),
                "weapon_kill_events", (long) byType.get("LogPlayerKillV2") + byType.get("LogPlayerMakeGroggy"),
                "player_damage_events", trackedDamage,
                "circle_positions", hub.count("SELECT count(*) FROM circle_positions WHERE match_id = ?", id2026),
                "player_knock_events", (long) byType.get("LogPlayerMakeGroggy"),
                "player_finishing_summary", (long) finishers.size(),
                "player_circle_positions", trackedPositions,
                "player_match_weapon_distribution", hub.count(
                        "SELECT count(*) FROM player_match_weapon_distribution WHERE match_id = ?", id2026));
        assertThat(hub.count("SELECT count(DISTINCT player_name) FROM player_match_weapon_distribution WHERE match_id = ?",
                id2026)).isEqualTo(weaponUsers.size());
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            assertThat(hub.count("SELECT count(*) FROM " + table.getKey() + " WHERE match_id = ?", id2026))
                    .as(table.getKey()).isEqualTo(table.getValue()).isPositive();
        }
        Map<String, Object> match = hub.query("SELECT * FROM matches WHERE match_id = ?", id2026).get(0);
        assertThat(hub.count("SELECT count(*) FROM team_fights WHERE match_id = ?", id2026)).isPositive();
        assertThat(hub.count("SELECT count(*) FROM fight_participants p JOIN team_fights f ON f.id = p.fight_id "
                + "WHERE f.match_id = ?", id2026)).isPositive();
        for (String flag : List.of("landings_processed", "kills_processed", "damage_processed", "weapons_processed",
                "circles_processed", "finishing_processed", "fights_processed")) {
            assertThat(match.get(flag)).as(flag).isEqualTo(true);
        }
        assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ?", id2026)).isEqualTo(100);
        // every player's summary row has the telemetry's values: heals as the file counts them, zone play
        Map<String, Long> heals = new HashMap<>();
        for (JsonNode e : all) {
            if ("LogItemUse".equals(e.path("_T").asText()) && e.path("item").path("itemId").asText().startsWith("Item_Heal_")) {
                heals.merge(e.path("character").path("accountId").asText(), 1L, Long::sum);
            }
        }
        for (Map<String, Object> summary : hub.query("SELECT player_id, heals_used, avg_distance_from_center, "
                + "damage_received FROM match_summaries WHERE match_id = ?", id2026)) {
            assertThat(((Number) summary.get("heals_used")).longValue()).as("heals of %s", summary.get("player_id"))
                    .isEqualTo(heals.getOrDefault((String) summary.get("player_id"), 0L));
            assertThat(summary.get("avg_distance_from_center")).isNotNull();
            assertThat(summary.get("damage_received")).isNotNull();
        }
        Map<String, List<Map<String, Object>>> firstRun = contents(expected.keySet());
        // the combatability view, refreshed on its timer: per team, the fights it was in
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (Map<String, Object> team : hub.query("SELECT t.team_id, t.fights_entered, t.fights_won, "
                    + "(SELECT count(*) FROM team_fights f WHERE f.match_id = ? AND t.team_id = ANY (f.team_ids)) AS fights, "
                    + "(SELECT count(*) FROM team_fights f WHERE f.match_id = ? AND f.team_outcomes ->> t.team_id::text = 'WON') AS won "
                    + "FROM team_combatability_metrics t", id2026, id2026)) {
                assertThat(((Number) team.get("fights_entered")).longValue()).isEqualTo(((Number) team.get("fights")).longValue());
                assertThat(((Number) team.get("fights_won")).longValue()).isEqualTo(((Number) team.get("won")).longValue());
            }
            assertThat(hub.count("SELECT count(*) FROM team_combatability_metrics")).isEqualTo(
                    hub.count("SELECT count(DISTINCT t) FROM team_fights, unnest(team_ids) t WHERE match_id = ?", id2026));
        });

        // the completion message
        Message done = hub.receive(hub.queue("match.completed"), 10000);
        assertThat(done).isNotNull();
        JsonNode body = JSON.readTree(done.getBody());
        assertThat(body.path("match_id").asText()).isEqualTo(id2026);
        assertThat(body.path("worker_id").asText()).isEqualTo("test-worker");
        assertThat(JSON.convertValue(body.path("tracked_player_ids"), List.class)).containsExactlyInAnyOrderElementsOf(tracked);
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            assertThat(body.path("rows").path(table.getKey()).asLong()).as(table.getKey()).isEqualTo(table.getValue());
        }

        // the pipeline's metrics say the same
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            assertThat(hub.metric("pewstats_rows_written_total{table=\"" + table.getKey() + "\"}"))
                    .as("rows written metric of %s", table.getKey()).isEqualTo(table.getValue().doubleValue());
        }
        assertThat(hub.metric("pewstats_rows_written_total{table=\"match_summaries\"}")).isEqualTo(100.0);
        assertThat(hub.metric("pewstats_telemetry_downloaded_bytes_total")).isEqualTo((double) Files.size(file));
        assertThat(hub.metric("pewstats_extraction_duration_seconds_count")).isEqualTo(1.0);
        // the status gauges are read from PostgreSQL on a timer (metrics.status-refresh-ms, 500 ms in test hubs)
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(hub.metric("pewstats_matches{status=\"completed\"}")).isGreaterThanOrEqualTo(1.0));

        // duplicates of the match's messages, now that it is completed: acknowledged from the database, no API
        // call, no download, nothing published
        hub.publish(hub.queue("match.discovered"), message(id2026));
        hub.publish(hub.queue("match.telemetry"), "{\"match_id\":\"" + id2026 + "\",\"telemetry_url\":\""
                + api.baseUrl() + "/bluehole-pubg/steam/2026/04/15/22/12/modern-telemetry.json\"}");
        hub.publish(hub.queue("match.processing.telemetry"), "{\"match_id\":\"" + id2026 + "\",\"file_path\":\"/etc/passwd\"}");
        assertThat(hub.receive(hub.queue("match.completed"), 5000)).isNull();
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.queueDepth(hub.queue("match.processing.telemetry")) == 0
                && hub.queueDepth(hub.queue("match.telemetry")) == 0 && hub.queueDepth(hub.queue("match.discovered")) == 0);
        api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id2026)));
        api.verify(1, getRequestedFor(urlPathEqualTo("/bluehole-pubg/steam/2026/04/15/22/12/modern-telemetry.json")));

        // processing the match again (the reprocess command moves it back to downloaded first) replaces its
        // rows: same counts, a new completion message; the stored file is read, never the path a message names
        hub.execute("UPDATE matches SET status = 'downloaded' WHERE match_id = ?", id2026);
        hub.publish(hub.queue("match.processing.telemetry"), "{\"match_id\":\"" + id2026 + "\",\"file_path\":\"/etc/passwd\"}");
        assertThat(hub.receive(hub.queue("match.completed"), 20000)).isNotNull();
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            assertThat(hub.count("SELECT count(*) FROM " + table.getKey() + " WHERE match_id = ?", id2026))
                    .as(table.getKey()).isEqualTo(table.getValue());
        }
        // and not only the counts: every row of every table, and the summary rows, are as before
        assertThat(contents(expected.keySet())).isEqualTo(firstRun);
        api.verify(1, getRequestedFor(urlPathEqualTo("/bluehole-pubg/steam/2026/04/15/22/12/modern-telemetry.json")));
    }

    /** The match's rows of each table and its summary rows, without ids and timestamps of the write. */
    private static Map<String, List<Map<String, Object>>> contents(Set<String> tables) throws Exception {
        Map<String, List<Map<String, Object>>> contents = new HashMap<>();
        for (String table : tables) {
            contents.put(table, withoutWriteColumns(hub.query("SELECT * FROM " + table + " WHERE match_id = ?", id2026)));
        }
        for (String table : List.of("team_fights", "fight_participants")) {
            contents.put(table, withoutWriteColumns(hub.query("SELECT * FROM " + table + " WHERE match_id = ?", id2026)));
        }
        contents.put("match_summaries", withoutWriteColumns(hub.query(
                "SELECT * FROM match_summaries WHERE match_id = ?", id2026)));
        return contents;
    }

    private static List<Map<String, Object>> withoutWriteColumns(List<Map<String, Object>> rows) {
        for (Map<String, Object> row : rows) {
            // ids are new on every run (a participant's fight_id with its fight's)
            row.keySet().removeAll(List.of("id", "fight_id", "created_at", "updated_at"));
            // arrays (team_ids) compare by their text
            row.replaceAll((column, value) -> value instanceof java.sql.Array ? value.toString() : value);
        }
        rows.sort(java.util.Comparator.comparing(Object::toString));
        return rows;
    }

    @Test
    void theTruncatedOriginalFailsItsMatchAndIsKeptAside() throws Exception {
        hub.publish(hub.queue("match.discovered"), discovered(id2018));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'failed'", id2018) == 1);
        String error = (String) hub.query("SELECT error_message FROM matches WHERE match_id = ?", id2018).get(0).get("error_message");
        assertThat(error).contains("truncated");
        Path folder = storage.resolve("matchID=" + id2018);
        assertThat(folder.resolve("raw.json.gz")).doesNotExist();
        assertThat(folder.resolve("raw.json.gz.failed")).exists();
        assertThat(hub.count("SELECT count(*) FROM kill_positions WHERE match_id = ?", id2018)).isZero();
        assertThat(hub.receive(hub.queue("match.processing.telemetry") + ".dlq", 500)).isNull();
    }

    @Test
    void expiredTelemetryFailsTheMatchWithoutRetries() throws Exception {
        hub.execute("INSERT INTO matches (match_id, status) VALUES ('expired-1', 'summarized')");
        hub.publish(hub.queue("match.telemetry"), "{\"match_id\":\"expired-1\",\"telemetry_url\":\"" + api.baseUrl()
                + "/expired-telemetry.json\"}");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE match_id = 'expired-1' AND status = 'failed'") == 1);
        assertThat((String) hub.query("SELECT error_message FROM matches WHERE match_id = 'expired-1'").get(0)
                .get("error_message")).contains("403");
        api.verify(1, getRequestedFor(urlPathEqualTo("/expired-telemetry.json")));
    }

    @Test
    void aUrlOffTheAllowListIsDeadLetteredBeforeAnyDownload() throws Exception {
        hub.execute("INSERT INTO matches (match_id, status) VALUES ('m-evil', 'summarized')");
        String body = "{\"match_id\":\"m-evil\",\"telemetry_url\":\"http://evil.example.com/x.json\"}";
        hub.publish(hub.queue("match.telemetry"), body);
        Message dead = hub.receive(hub.queue("match.telemetry") + ".dlq", 20000);
        assertThat(dead).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(String.valueOf(dead.getMessageProperties().getHeaders().get("x-dead-letter-reason"))).contains("allow-list");
    }
}
