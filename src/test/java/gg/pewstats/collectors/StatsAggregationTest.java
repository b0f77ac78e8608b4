package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.telemetry.TelemetryGenerator;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats-aggregation stage on match.completed, in a whole hub: the two real matches of
 * ../shared/pubg/matches (with telemetry generated for their own rosters) go through every stage, and
 * the career tables equal the sums this test computes from the stored rows, with the live bucket rule. A
 * replayed message, a reprocess, a lost message (recovery) and the recompute command leave them equal.
 */
class StatsAggregationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path storage;
    static WireMockServer api;
    static TestHub hub;
    static String official;
    static String competitive;

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        official = serve(PubgSamples.MATCH_2026, "/telemetry/official.json", 21);
        competitive = serve(PubgSamples.MATCH_2018, "/telemetry/competitive.json", 22);
        hub = TestHub.start(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "telemetry.allowed-hosts", "localhost",
                "telemetry.allowed-schemes", "http",
                "telemetry.storage-path", storage.toString(),
                "telemetry.damage-tracked-only", "false",
                "stage.stats-aggregation.enabled", "true",
                "aggregation.consumers", "2",
                "aggregation.recompute-batch-size", "1",
                "recovery.stuck-after-seconds", "1"));
    }

    /** Serves a real match (its telemetry URL pointed at the stand-in CDN) and generated telemetry for its roster. */
    private static String serve(String sample, String telemetryPath, long seed) throws Exception {
        ObjectNode match = (ObjectNode) JSON.readTree(PubgSamples.read(sample));
        for (JsonNode node : match.path("included")) {
            if ("asset".equals(node.path("type").asText())) {
                ((ObjectNode) node.path("attributes")).put("URL", api.baseUrl() + telemetryPath);
            }
        }
        String id = match.path("data").path("id").asText();
        TelemetryGenerator generator = TelemetryGenerator.forMatch(match.toString(), 4, 900, seed);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            generator.write(out);
        }
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id)).willReturn(aResponse().withBody(match.toString())));
        api.stubFor(get(urlPathEqualTo(telemetryPath)).willReturn(aResponse().withHeader("Content-Encoding", "gzip")
                .withHeader("Content-Type", "application/json").withBody(gz.toByteArray())));
        return id;
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, api);
    }

    @Test
    void everyCompletedMatchIsCountedOnceInItsBuckets() throws Exception {
        discover(official, "official");
        discover(competitive, "competitive");
        awaitAggregated(official, competitive);
        Map<String, Map<String, Object>> first = assertAggregatesMatchTheStoredRows();
        assertThat(first.keySet()).anyMatch(k -> k.contains("|normal")).anyMatch(k -> k.contains("|ranked"))
                .noneMatch(k -> k.contains("|tournament"));
        assertThat(hub.queueDepth(hub.queue("match.completed"))).isZero();

        // a replayed completion message counts nothing twice
        String replayed = "{\"match_id\":\"" + official + "\"}";
        hub.publish(hub.queue("match.completed"), replayed);
        hub.publish(hub.queue("match.completed"), replayed);
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.queueDepth(hub.queue("match.completed")) == 0);
        Thread.sleep(500);
        assertThat(aggregates()).isEqualTo(first);

        // the reprocess command's route takes the match out as it moves it back, then it is counted anew
        Object before = aggregatedAt(official);
        hub.camel().createProducerTemplate().requestBody("direct:reprocess", List.of(official));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            Object at = aggregatedAt(official);
            return at != null && !at.equals(before);
        });
        assertThat(aggregates()).isEqualTo(first);
        assertAggregatesMatchTheStoredRows();

        // a completion message lost: recovery sends it again once the match has waited long enough (the
        // match is moved back by hand here, so the extraction's transaction takes it out)
        hub.stopRoute("stats-aggregation");
        hub.execute("UPDATE matches SET status = 'downloaded' WHERE match_id = ?", competitive);
        hub.publish(hub.queue("match.processing.telemetry"), "{\"match_id\":\"" + competitive + "\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.count(
                "SELECT count(*) FROM matches WHERE match_id = ? AND status = 'completed' AND NOT stats_aggregated", competitive) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.queueDepth(hub.queue("match.completed")) == 1);
        hub.receive(hub.queue("match.completed"), 5000);
        assertThat(aggregates()).isNotEqualTo(first);
        hub.startRoute("stats-aggregation");
        Thread.sleep(1500);
        hub.camel().createProducerTemplate().requestBody("direct:recovery-run", (Object) null);
        awaitAggregated(competitive);
        assertThat(aggregates()).isEqualTo(first);

        // the recompute command's route gives what the stage built match by match ...
        long counted = hub.camel().createProducerTemplate().requestBody("direct:stats-recompute", null, Long.class);
        assertThat(counted).isEqualTo(2);
        assertThat(aggregates()).isEqualTo(first);
        // ... and applies a new bucket: the competitive match made a tournament match moves from ranked to tournament
        hub.execute("UPDATE matches SET is_tournament_match = TRUE WHERE match_id = ?", competitive);
        hub.camel().createProducerTemplate().requestBody("direct:stats-recompute", null, Long.class);
        Map<String, Map<String, Object>> rebucketed = assertAggregatesMatchTheStoredRows();
        assertThat(rebucketed.keySet()).anyMatch(k -> k.contains("|tournament")).noneMatch(k -> k.contains("|ranked"));
        assertThat(hub.count("SELECT count(*) FROM matches WHERE stats_aggregated")).isEqualTo(2);
    }

    private static void discover(String matchId, String gameType) throws Exception {
        hub.execute("INSERT INTO matches (match_id, status, map_name, game_mode, game_type, match_datetime) "
                + "VALUES (?, 'discovered', 'Rondo', 'squad', ?, now())", matchId, gameType);
        hub.publish(hub.queue("match.discovered"), "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\","
                + "\"game_mode\":\"squad\",\"match_datetime\":\"2026-04-15T21:45:33Z\",\"telemetry_url\":null}");
    }

    private static void awaitAggregated(String... matchIds) {
        for (String matchId : matchIds) {
            await().atMost(Duration.ofSeconds(90)).until(() -> hub.count(
                    "SELECT count(*) FROM matches WHERE match_id = ? AND stats_aggregated AND status = 'completed'", matchId) == 1);
        }
    }

    private static Object aggregatedAt(String matchId) throws Exception {
        return hub.query("SELECT stats_aggregated_at FROM matches WHERE match_id = ?", matchId).get(0).get("stats_aggregated_at");
    }

    /** The live mapping of game types to buckets, and tournament matches to theirs; every match counts in all. */
    private static List<String> buckets(String gameType, boolean tournament) {
        if (tournament) {
            return List.of("tournament", "all");
        }
        if (List.of("competitive", "ranked", "Competitive", "esports").contains(gameType)) {
            return List.of("ranked", "all");
        }
        if (List.of("normal", "Normal", "official", "arcade", "event").contains(gameType)) {
            return List.of("normal", "all");
        }
        return List.of("all");
    }

    /**
     * The three career tables computed here, in Java, from the stored rows of the aggregated matches, and
     * compared with what the hub wrote; returns the hub's.
     */
    private static Map<String, Map<String, Object>> assertAggregatesMatchTheStoredRows() throws Exception {
        Map<String, List<String>> bucketsOf = new TreeMap<>();
        for (Map<String, Object> m : hub.query("SELECT match_id, game_type, is_tournament_match FROM matches WHERE stats_aggregated")) {
            bucketsOf.put((String) m.get("match_id"), buckets((String) m.get("game_type"), (Boolean) m.get("is_tournament_match")));
        }
        Map<String, BigDecimal[]> expected = new TreeMap<>();
        for (Map<String, Object> d : hub.query("SELECT match_id, attacker_name, weapon_id, damage_reason, damage FROM player_damage_events")) {
            double damage = ((Number) d.get("damage")).doubleValue();
            String attacker = (String) d.get("attacker_name");
            if (!bucketsOf.containsKey(d.get("match_id")) || attacker == null || attacker.isEmpty() || damage <= 0) {
                continue;
            }
            for (String bucket : bucketsOf.get(d.get("match_id"))) {
                String key = "damage|" + attacker + "|" + orUnknown(d.get("weapon_id")) + "|" + orUnknown(d.get("damage_reason")) + "|" + bucket;
                add(expected, key, BigDecimal.valueOf(damage), BigDecimal.ONE);
            }
        }
        for (Map<String, Object> w : hub.query("SELECT match_id, killer_name, weapon_id, is_kill, is_knock_down, damage_reason, "
                + "distance FROM weapon_kill_events")) {
            String killer = (String) w.get("killer_name");
            if (!bucketsOf.containsKey(w.get("match_id")) || killer == null || killer.isEmpty()) {
                continue;
            }
            boolean kill = (Boolean) w.get("is_kill");
            double metres = w.get("distance") == null ? Double.NaN : ((Number) w.get("distance")).doubleValue() / 100;
            boolean hasDistance = kill && !Double.isNaN(metres);
            for (String bucket : bucketsOf.get(w.get("match_id"))) {
                String key = "weapon|" + killer + "|" + orUnknown(w.get("weapon_id")) + "|" + bucket;
                add(expected, key, kill ? 1 : 0, kill && "HeadShot".equals(w.get("damage_reason")) ? 1 : 0,
                        (Boolean) w.get("is_knock_down") ? 1 : 0, hasDistance ? metres : 0,
                        hasDistance && metres < 50 ? 1 : 0, hasDistance && metres >= 50 && metres < 200 ? 1 : 0,
                        hasDistance && metres >= 200 ? 1 : 0);
                BigDecimal[] totals = expected.get(key);
                if (hasDistance && (totals[7] == null || totals[7].doubleValue() < metres)) {
                    totals[7] = BigDecimal.valueOf(metres);
                }
            }
        }
        for (Map<String, Object> s : hub.query("SELECT match_id, player_name, killsteals, heals_used, boosts_used, "
                + "throwables_used, smokes_thrown, throwable_damage, damage_received, avg_distance_from_center, "
                + "avg_distance_from_edge, time_outside_zone_seconds FROM match_summaries")) {
            if (!bucketsOf.containsKey(s.get("match_id"))) {
                continue;
            }
            for (String bucket : bucketsOf.get(s.get("match_id"))) {
                add(expected, "career|" + s.get("player_name") + "|" + bucket, num(s.get("killsteals")), num(s.get("heals_used")),
                        num(s.get("boosts_used")), num(s.get("throwables_used")), num(s.get("smokes_thrown")),
                        num(s.get("throwable_damage")), num(s.get("damage_received")), 1,
                        s.get("avg_distance_from_center") == null ? 0 : 1, num(s.get("avg_distance_from_center")),
                        num(s.get("avg_distance_from_edge")), s.get("time_outside_zone_seconds") == null ? 0 : 1,
                        num(s.get("time_outside_zone_seconds")));
            }
        }
        Map<String, Map<String, Object>> actual = aggregates();
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        assertThat(expected.keySet().stream().filter(k -> k.startsWith("damage|"))).isNotEmpty();
        assertThat(expected.keySet().stream().filter(k -> k.startsWith("weapon|"))).isNotEmpty();
        for (Map.Entry<String, BigDecimal[]> e : expected.entrySet()) {
            Map<String, Object> row = actual.get(e.getKey());
            BigDecimal[] v = e.getValue();
            if (e.getKey().startsWith("damage|")) {
                close(row, "total_damage", v[0]);
                close(row, "total_hits", v[1]);
            } else if (e.getKey().startsWith("weapon|")) {
                String[] columns = {"total_kills", "headshot_kills", "knock_downs", "total_kill_distance",
                    "close_range_kills", "mid_range_kills", "long_range_kills", "longest_kill"};
                for (int i = 0; i < columns.length; i++) {
                    close(row, columns[i], v[i]);
                }
            } else {
                String[] columns = {"total_killsteals", "total_heals_used", "total_boosts_used", "total_throwables_used",
                    "total_smokes_thrown", "total_throwable_damage", "total_damage_received", "matches_played",
                    "matches_with_circle_data"};
                for (int i = 0; i < columns.length; i++) {
                    close(row, columns[i], v[i]);
                }
                close(row, "avg_distance_from_center", average(v[9], v[8]));
                close(row, "avg_distance_from_edge", average(v[10], v[8]));
                close(row, "avg_time_outside_zone_seconds", average(v[12], v[11]));
            }
        }
        return actual;
    }

    private static BigDecimal average(BigDecimal sum, BigDecimal count) {
        return count.signum() == 0 ? null : sum.divide(count, 2, RoundingMode.HALF_UP);
    }

    private static void close(Map<String, Object> row, String column, BigDecimal expected) {
        Object value = row.get(column);
        if (expected == null) {
            assertThat(value).as("%s of %s", column, row).isNull();
            return;
        }
        assertThat(value).as("%s of %s", column, row).isNotNull();
        assertThat(((Number) value).doubleValue()).as("%s of %s", column, row)
                .isCloseTo(expected.doubleValue(), org.assertj.core.data.Offset.offset(0.011));
    }

    private static double num(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    private static String orUnknown(Object value) {
        return value == null ? "Unknown" : (String) value;
    }

    private static void add(Map<String, BigDecimal[]> sums, String key, double... values) {
        BigDecimal[] totals = sums.computeIfAbsent(key, k -> new BigDecimal[Math.max(values.length, 8)]);
        for (int i = 0; i < values.length; i++) {
            totals[i] = (totals[i] == null ? BigDecimal.ZERO : totals[i]).add(BigDecimal.valueOf(values[i]));
        }
    }

    private static void add(Map<String, BigDecimal[]> sums, String key, BigDecimal... values) {
        BigDecimal[] totals = sums.computeIfAbsent(key, k -> new BigDecimal[Math.max(values.length, 8)]);
        for (int i = 0; i < values.length; i++) {
            totals[i] = (totals[i] == null ? BigDecimal.ZERO : totals[i]).add(values[i]);
        }
    }

    /** The three career tables, keyed as the test's sums are, without their write times. */
    private static Map<String, Map<String, Object>> aggregates() throws Exception {
        Map<String, Map<String, Object>> rows = new TreeMap<>();
        for (Map<String, Object> r : hub.query("SELECT * FROM player_damage_stats")) {
            r.remove("stats_updated_at");
            rows.put("damage|" + r.get("player_name") + "|" + r.get("weapon_id") + "|" + r.get("damage_reason") + "|"
                    + r.get("match_type"), r);
        }
        for (Map<String, Object> r : hub.query("SELECT * FROM player_weapon_stats")) {
            r.remove("stats_updated_at");
            rows.put("weapon|" + r.get("player_name") + "|" + r.get("weapon_id") + "|" + r.get("match_type"), r);
        }
        for (Map<String, Object> r : hub.query("SELECT * FROM player_advanced_career_stats")) {
            r.keySet().removeAll(List.of("id", "last_updated_at"));
            rows.put("career|" + r.get("player_name") + "|" + r.get("match_type"), r);
        }
        // numbers compare by value (a NUMERIC sum may carry more trailing zeros after a take-out)
        for (Map<String, Object> row : rows.values()) {
            row.replaceAll((column, value) -> value instanceof BigDecimal b ? b.stripTrailingZeros() : value);
        }
        return rows;
    }
}
