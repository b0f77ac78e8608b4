package gg.pewstats.collectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import gg.pewstats.collectors.testing.PubgSamples;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-player analytics extractors (knocks and finishing, item use, combat stats, zone play, weapon mix)
 * on real telemetry and on a generated full-size squad match. Every expected value is computed here from the events
 * themselves, by brute force over the whole event list, never by the code under test.
 */
class PlayerAnalyticsExtractionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPAIRED = "telemetry/pubg-api-kotlin_telemetry_2018-04_repaired.json";
    private static final String CURATED = "telemetry/pubg-typescript-api_curated_one-event-per-type_2018-04.json";
    /** The categories of the damage causers the generator uses, as PUBG's weapon classes are known. */
    private static final Map<String, String> CATEGORY = Map.ofEntries(Map.entry("WeapHK416_C", "AR"),
            Map.entry("WeapBerylM762_C", "AR"), Map.entry("WeapAK47_C", "AR"), Map.entry("WeapKar98k_C", "SR"),
            Map.entry("WeapMini14_C", "DMR"), Map.entry("WeapUMP_C", "SMG"), Map.entry("WeapSaiga12_C", "Shotgun"),
            Map.entry("WeapM249_C", "LMG"), Map.entry("WeapDesertEagle_C", "Pistol"),
            Map.entry("ProjGrenade_C", "Throwable"), Map.entry("WeapPan_C", "Melee"), Map.entry("Uaz_A_01_C", "Vehicle"),
            Map.entry("WeapFutureGun_C", "Other"), Map.entry("BattleRoyaleModeController_Def_C", "Environment"));

    @TempDir
    static Path dir;
    private static TelemetryGenerator generator;
    private static JsonNode all;
    private static Map<String, List<JsonNode>> byType;
    private static Extraction x;
    private static Set<String> tracked;

    /** One generated full-size squad match (100 players, about 66k events), read once for every test. */
    @BeforeAll
    static void generatedMatch() throws Exception {
        generator = TelemetryGenerator.fullSizeSquadMatch(23);
        Path file = dir.resolve("squads.json.gz");
        generator.writeGzip(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            all = JSON.readTree(in);
        }
        byType = new HashMap<>();
        all.forEach(e -> byType.computeIfAbsent(e.path("_T").asText(), t -> new ArrayList<>()).add(e));
        tracked = Set.of(generator.accountIds().get(1), generator.accountIds().get(6));
        x = extract(file, tracked);
    }

    private static Extraction extract(Path file, Set<String> trackedPlayers) throws Exception {
        TelemetryFiles files = new TelemetryFiles(dir.toString(), 1L << 30, 1L << 31);
        MatchContext match = new MatchContext("m1", "Rondo", "squad", "official",
                OffsetDateTime.parse("2026-04-15T21:45:33Z"), trackedPlayers, true);
        return new TelemetryExtraction(files, true).extract(match, file);
    }

    // ---------------------------------------------------------------------------------------- knocks

    @Test
    void everyKnockIsOneRowWithTheOutcomeItsLaterEventsGiveIt() {
        List<JsonNode> knocks = events("LogPlayerMakeGroggy");
        List<Map<String, Object>> rows = rows("player_knock_events");
        assertThat(rows).hasSize(knocks.size()).hasSizeGreaterThan(10);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < knocks.size(); i++) {
            JsonNode knock = knocks.get(i);
            Map<String, Object> row = rows.get(i);
            long dbno = knock.path("dBNOId").asLong();
            assertThat(row.get("dbno_id")).isEqualTo(dbno);
            assertThat(row.get("attacker_account_id")).isEqualTo(knock.path("attacker").path("accountId").asText());
            assertThat(row.get("victim_name")).isEqualTo(knock.path("victim").path("name").asText());
            assertThat(row.get("knock_weapon")).isEqualTo(knock.path("damageCauserName").asText());
            assertThat(row.get("knock_distance")).isEqualTo(knock.path("distance").asDouble() / 100);
            assertThat((JsonNode) JSON.valueToTree(parse((String) row.get("knock_weapon_attachments"))))
                    .isEqualTo(knock.path("damageCauserAdditionalInfo"));
            assertThat(row.get("zone_name")).isEqualTo(String.join(",", texts(knock.path("attacker").path("zone"))));
            JsonNode kill = first("LogPlayerKillV2", e -> e.path("dBNOId").asLong() == dbno);
            JsonNode revive = first("LogPlayerRevive", e -> e.path("dBNOId").asLong() == dbno);
            String outcome = kill != null ? "killed" : revive != null ? "revived" : "unknown";
            outcomes.merge(outcome, 1, Integer::sum);
            assertThat(row.get("outcome")).as("knock %s", dbno).isEqualTo(outcome);
            if (kill != null) {
                JsonNode finisher = kill.path("finisher");
                boolean self = finisher.path("accountId").asText().equals(knock.path("attacker").path("accountId").asText());
                assertThat(row.get("finisher_name")).isEqualTo(finisher.path("name").asText());
                assertThat(row.get("finisher_is_self")).isEqualTo(self);
                assertThat(row.get("finisher_is_teammate")).isEqualTo(!self
                        && finisher.path("teamId").asInt() == knock.path("attacker").path("teamId").asInt());
                assertThat((Double) row.get("time_to_finish")).isCloseTo(seconds(kill) - seconds(knock), within(0.0005));
            } else {
                assertThat(row.get("finisher_name")).isNull();
                assertThat(row.get("time_to_finish")).isNull();
            }
        }
        // the generated match has all three outcomes and both kinds of finish
        assertThat(outcomes).containsKeys("killed", "revived");
        assertThat(rows).anyMatch(r -> Boolean.TRUE.equals(r.get("finisher_is_self")))
                .anyMatch(r -> Boolean.TRUE.equals(r.get("finisher_is_teammate")));
    }

    @Test
    void teammateProximityOnBothSidesWithinFiveSecondsOfTheKnock() {
        List<JsonNode> knocks = events("LogPlayerMakeGroggy");
        List<Map<String, Object>> rows = rows("player_knock_events");
        // every sighting of every player, from the events the live system takes positions from
        List<Object[]> sightings = new ArrayList<>();
        for (JsonNode e : all) {
            for (String field : List.of("character", "attacker", "victim", "killer", "finisher", "dBNOMaker")) {
                String type = e.path("_T").asText();
                boolean used = switch (type) {
                    case "LogPlayerPosition" -> field.equals("character");
                    case "LogPlayerTakeDamage", "LogPlayerMakeGroggy" -> field.equals("attacker") || field.equals("victim");
                    case "LogPlayerKillV2" -> !field.equals("character") && !field.equals("attacker");
                    default -> false;
                };
                JsonNode c = e.path(field);
                if (used && c.isObject()) {
                    sightings.add(new Object[] {c.path("name").asText(), c.path("teamId").asInt(), millis(e),
                        c.path("location")});
                }
            }
        }
        int withTeammates = 0;
        for (int i = 0; i < knocks.size(); i++) {
            JsonNode knock = knocks.get(i);
            for (String side : List.of("attacker", "victim")) {
                JsonNode me = knock.path(side);
                // per teammate, the sighting nearest in time within 5 s (on a tie the earlier one, of the same
                // millisecond the first in the file); its distance from me
                Map<String, double[]> nearestInTime = new HashMap<>();
                for (Object[] s : sightings) {
                    long gap = Math.abs((long) s[2] - millis(knock));
                    if ((int) s[1] != me.path("teamId").asInt() || s[0].equals(me.path("name").asText()) || gap > 5000) {
                        continue;
                    }
                    JsonNode loc = (JsonNode) s[3];
                    double d = Math.sqrt(sq(loc.path("x").asDouble() - me.path("location").path("x").asDouble())
                            + sq(loc.path("y").asDouble() - me.path("location").path("y").asDouble())
                            + sq(loc.path("z").asDouble() - me.path("location").path("z").asDouble())) / 100;
                    double[] best = nearestInTime.get((String) s[0]);
                    if (best == null || gap < best[0] || gap == best[0] && (long) s[2] < best[2]) {
                        nearestInTime.put((String) s[0], new double[] {gap, d, (long) s[2]});
                    }
                }
                String prefix = side.equals("attacker") ? "" : "victim_";
                Map<String, Object> row = rows.get(i);
                assertThat(row.get(prefix + "total_teammates_alive")).as("%s side of knock %d", side, i)
                        .isEqualTo(nearestInTime.size());
                if (nearestInTime.isEmpty()) {
                    assertThat(row.get(prefix + "nearest_teammate_distance")).isNull();
                    continue;
                }
                withTeammates++;
                double nearest = nearestInTime.values().stream().mapToDouble(v -> v[1]).min().orElseThrow();
                double mean = nearestInTime.values().stream().mapToDouble(v -> v[1]).average().orElseThrow();
                // positions are stored as floats: centimetres within a few hundredths of a metre
                assertThat((Double) row.get(prefix + "nearest_teammate_distance")).isCloseTo(nearest, within(0.05));
                assertThat((Double) row.get(prefix + "avg_teammate_distance")).isCloseTo(mean, within(0.05));
                assertThat(row.get(prefix + "teammates_within_200m"))
                        .isEqualTo((int) nearestInTime.values().stream().filter(v -> v[1] <= 200).count());
                assertThat(parse((String) row.get(prefix + "teammate_positions"))).hasSize(nearestInTime.size());
            }
        }
        assertThat(withTeammates).isGreaterThan(knocks.size() / 2);
    }

    @Test
    void finishingSummaryPerPlayerFromTheKnocksAndInstantKills() {
        Map<String, Map<String, Object>> summaries = new HashMap<>();
        rows("player_finishing_summary").forEach(r -> summaries.put((String) r.get("player_name"), r));
        Map<String, int[]> expected = new TreeMap<>(); // knocks, self, teammates, revived, instant, headshots
        Set<Long> knockIds = new java.util.HashSet<>();
        for (JsonNode knock : events("LogPlayerMakeGroggy")) {
            knockIds.add(knock.path("dBNOId").asLong());
            int[] p = expected.computeIfAbsent(knock.path("attacker").path("name").asText(), n -> new int[6]);
            p[0]++;
            long dbno = knock.path("dBNOId").asLong();
            JsonNode kill = first("LogPlayerKillV2", e -> e.path("dBNOId").asLong() == dbno);
            if (kill != null && kill.path("finisher").path("accountId").asText()
                    .equals(knock.path("attacker").path("accountId").asText())) {
                p[1]++;
            } else if (kill != null && kill.path("finisher").path("teamId").asInt() == knock.path("attacker").path("teamId").asInt()) {
                p[2]++;
            } else if (kill == null && first("LogPlayerRevive", e -> e.path("dBNOId").asLong() == dbno) != null) {
                p[3]++;
            }
            p[5] += "HeadShot".equals(knock.path("damageReason").asText()) ? 1 : 0;
        }
        int instant = 0;
        for (JsonNode kill : events("LogPlayerKillV2")) {
            if (!knockIds.contains(kill.path("dBNOId").asLong()) && kill.path("finisher").isObject()) {
                expected.computeIfAbsent(kill.path("finisher").path("name").asText(), n -> new int[6])[4]++;
                instant++;
            }
        }
        assertThat(instant).isPositive();
        assertThat(summaries.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            Map<String, Object> row = summaries.get(e.getKey());
            int[] p = e.getValue();
            assertThat(List.of(row.get("total_knocks"), row.get("knocks_converted_self"),
                    row.get("knocks_finished_by_teammates"), row.get("knocks_revived_by_enemy"), row.get("instant_kills"),
                    row.get("headshot_knock_count"))).as(e.getKey()).containsExactly(p[0], p[1], p[2], p[3], p[4], p[5]);
            assertThat(row.get("finishing_rate")).isEqualTo(p[0] == 0 ? null
                    : BigDecimal.valueOf(100.0 * p[1] / p[0]).setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }

    // ------------------------------------------------------------------------------- match_summaries

    @Test
    void itemUseCombatStatsAndZonePlayPerPlayer() {
        Map<String, Map<String, Object>> stats = new HashMap<>();
        x.summaryStats().forEach(r -> stats.put((String) r.get("player_id"), r));
        // every participant has values
        assertThat(stats.keySet()).containsAll(generator.accountIds());
        for (String id : generator.accountIds()) {
            long heals = count("LogItemUse", e -> id.equals(e.path("character").path("accountId").asText())
                    && e.path("item").path("itemId").asText().startsWith("Item_Heal_"));
            long boosts = count("LogItemUse", e -> id.equals(e.path("character").path("accountId").asText())
                    && e.path("item").path("itemId").asText().startsWith("Item_Boost_"));
            long throws_ = count("LogPlayerUseThrowable", e -> id.equals(e.path("attacker").path("accountId").asText())
                    && !e.path("weapon").path("itemId").asText().equals("Item_Weapon_Apple_C"));
            long smokes = count("LogPlayerUseThrowable", e -> id.equals(e.path("attacker").path("accountId").asText())
                    && e.path("weapon").path("itemId").asText().equals("Item_Weapon_SmokeBomb_C"));
            double received = 0;
            double throwable = 0;
            int ticks = 0;
            for (JsonNode e : events("LogPlayerTakeDamage")) {
                if (id.equals(e.path("victim").path("accountId").asText())) {
                    received += e.path("damage").asDouble();
                    ticks += "Damage_BlueZone".equals(e.path("damageTypeCategory").asText()) ? 1 : 0;
                }
                if (id.equals(e.path("attacker").path("accountId").asText(""))
                        && "Throwable".equals(CATEGORY.get(e.path("damageCauserName").asText()))) {
                    throwable += e.path("damage").asDouble();
                }
            }
            long steals = count("LogPlayerKillV2", e -> {
                JsonNode knock = first("LogPlayerMakeGroggy", k -> k.path("dBNOId").asLong() == e.path("dBNOId").asLong());
                return id.equals(e.path("killer").path("accountId").asText()) && knock != null
                        && knock.path("attacker").path("teamId").asInt() != e.path("killer").path("teamId").asInt();
            });
            Map<String, Object> s = stats.get(id);
            assertThat(List.of(s.get("heals_used"), s.get("boosts_used"), s.get("throwables_used"), s.get("smokes_thrown"),
                    s.get("killsteals"), s.get("time_outside_zone_seconds"))).as(id)
                    .containsExactly((int) heals, (int) boosts, (int) throws_, (int) smokes, (int) steals,
                            (int) Math.round(ticks * 1.03));
            assertThat(((BigDecimal) s.get("damage_received")).doubleValue()).isCloseTo(received, within(0.006));
            assertThat(((BigDecimal) s.get("throwable_damage")).doubleValue()).isCloseTo(throwable, within(0.006));
            zonePlay(id, s);
        }
        assertThat(stats.values()).anyMatch(s -> (int) s.get("heals_used") > 0)
                .anyMatch(s -> (int) s.get("smokes_thrown") > 0).anyMatch(s -> (int) s.get("killsteals") > 0)
                .anyMatch(s -> ((BigDecimal) s.get("throwable_damage")).signum() > 0);
    }

    /** A player's zone values against the first game state at or after each position sample (else the last). */
    private void zonePlay(String id, Map<String, Object> s) {
        List<JsonNode> states = events("LogGameStatePeriodic");
        List<double[]> distances = new ArrayList<>(); // centre, edge (m)
        for (JsonNode p : events("LogPlayerPosition")) {
            if (!id.equals(p.path("character").path("accountId").asText())) {
                continue;
            }
            double t = p.path("elapsedTime").asDouble();
            JsonNode state = states.get(states.size() - 1).path("gameState");
            for (JsonNode candidate : states) {
                if (candidate.path("gameState").path("elapsedTime").asDouble() >= t) {
                    state = candidate.path("gameState");
                    break;
                }
            }
            double centre = Math.hypot(p.path("character").path("location").path("x").asDouble()
                    - state.path("safetyZonePosition").path("x").asDouble(),
                    p.path("character").path("location").path("y").asDouble() - state.path("safetyZonePosition").path("y").asDouble());
            distances.add(new double[] {centre / 100, (state.path("safetyZoneRadius").asDouble() - centre) / 100});
        }
        assertThat(distances).isNotEmpty();
        assertThat(((BigDecimal) s.get("avg_distance_from_center")).doubleValue())
                .isCloseTo(distances.stream().mapToDouble(d -> d[0]).average().orElseThrow(), within(0.006));
        assertThat(((BigDecimal) s.get("max_distance_from_center")).doubleValue())
                .isCloseTo(distances.stream().mapToDouble(d -> d[0]).max().orElseThrow(), within(0.006));
        assertThat(((BigDecimal) s.get("avg_distance_from_edge")).doubleValue())
                .isCloseTo(distances.stream().mapToDouble(d -> d[1]).average().orElseThrow(), within(0.006));
        assertThat(((BigDecimal) s.get("min_distance_from_edge")).doubleValue())
                .isCloseTo(distances.stream().mapToDouble(d -> d[1]).min().orElseThrow(), within(0.006));
    }

    @Test
    void circlePositionsOnlyForTrackedPlayersOneRowPerSample() {
        List<Map<String, Object>> rows = rows("player_circle_positions");
        List<JsonNode> samples = events("LogPlayerPosition").stream()
                .filter(e -> tracked.contains(e.path("character").path("accountId").asText())).toList();
        assertThat(rows).hasSize(samples.size()).isNotEmpty();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = rows.get(i);
            JsonNode sample = samples.get(i);
            assertThat(row.get("player_name")).isEqualTo(sample.path("character").path("name").asText());
            assertThat(row.get("elapsed_time")).isEqualTo(sample.path("elapsedTime").asInt());
            assertThat(row.get("player_x")).isEqualTo(sample.path("character").path("location").path("x").asDouble() / 100);
            assertThat(row.get("is_in_safe_zone")).isEqualTo((Double) row.get("distance_from_edge") >= 0);
            assertThat((Double) row.get("distance_from_center")).isCloseTo(Math.hypot(
                    (Double) row.get("player_x") - (Double) row.get("safe_zone_center_x"),
                    (Double) row.get("player_y") - (Double) row.get("safe_zone_center_y")), within(1e-6));
        }
    }

    // ---------------------------------------------------------------------------------- weapon mix

    @Test
    void weaponMixPerPlayerAndCategoryUnknownWeaponsAsOther() {
        Map<String, double[]> expected = new TreeMap<>(); // player|category -> damage, kills, knocks
        for (JsonNode e : events("LogPlayerTakeDamage")) {
            if (e.path("attacker").isObject()) {
                key(expected, e.path("attacker"), e.path("damageCauserName"))[0] += e.path("damage").asDouble();
            }
        }
        for (JsonNode e : events("LogPlayerKillV2")) {
            if (e.path("killer").isObject()) {
                key(expected, e.path("killer"), e.path("killerDamageInfo").path("damageCauserName"))[1]++;
            }
        }
        for (JsonNode e : events("LogPlayerMakeGroggy")) {
            key(expected, e.path("attacker"), e.path("damageCauserName"))[2]++;
        }
        Map<String, double[]> actual = new TreeMap<>();
        for (Map<String, Object> r : rows("player_match_weapon_distribution")) {
            actual.put(r.get("player_name") + "|" + r.get("weapon_category"), new double[] {
                ((BigDecimal) r.get("total_damage")).doubleValue(), (int) r.get("total_kills"), (int) r.get("knock_downs")});
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v, within(0.006)));
        assertThat(actual.keySet()).anyMatch(k -> k.endsWith("|Other")).anyMatch(k -> k.endsWith("|SR"));
        assertThat(actual.values().stream().mapToDouble(v -> v[1]).sum()).as("kills are counted").isPositive();
    }

    private static double[] key(Map<String, double[]> map, JsonNode player, JsonNode causer) {
        return map.computeIfAbsent(player.path("name").asText() + "|" + CATEGORY.get(causer.asText()), k -> new double[3]);
    }

    // ---------------------------------------------------------------------------------- real files

    @Test
    void realKnockAndItemUseOfTheCuratedFile() throws Exception {
        Path file = PubgSamples.root().resolve(CURATED);
        JsonNode real = JSON.readTree(file.toFile());
        Extraction curated = extract(file, Set.of());
        JsonNode groggy = null;
        JsonNode use = null;
        for (JsonNode e : real) {
            groggy = "LogPlayerMakeGroggy".equals(e.path("_T").asText()) ? e : groggy;
            use = "LogItemUse".equals(e.path("_T").asText()) ? e : use;
        }
        List<Map<String, Object>> knocks = rows(curated, "player_knock_events");
        assertThat(knocks).hasSize(1);
        Map<String, Object> knock = knocks.get(0);
        assertThat(knock.get("attacker_name")).isEqualTo(groggy.path("attacker").path("name").asText());
        assertThat(knock.get("knock_distance")).isEqualTo(groggy.path("distance").asDouble() / 100);
        assertThat(knock.get("dbno_id")).isEqualTo(groggy.path("dBNOId").asLong());
        // the file's one revive is of another player, in another match: this knock's end is not in the file
        assertThat(knock.get("outcome")).isEqualTo("unknown");
        Map<String, Object> summary = rows(curated, "player_finishing_summary").stream()
                .filter(r -> groggy_name(r, knock)).findFirst().orElseThrow();
        assertThat(summary.get("total_knocks")).isEqualTo(1);
        assertThat(summary.get("headshot_knock_count")).isEqualTo("HeadShot".equals(groggy.path("damageReason").asText()) ? 1 : 0);
        String user = use.path("character").path("accountId").asText();
        Map<String, Object> stats = curated.summaryStats().stream().filter(r -> user.equals(r.get("player_id")))
                .findFirst().orElseThrow();
        assertThat(stats.get("heals_used")).isEqualTo(1);
    }

    private static boolean groggy_name(Map<String, Object> summary, Map<String, Object> knock) {
        return summary.get("player_name").equals(knock.get("attacker_name"));
    }

    @Test
    void realDamageKillsAndZonePlayOfApril2018() throws Exception {
        Path file = PubgSamples.root().resolve(REPAIRED);
        JsonNode real = JSON.readTree(file.toFile());
        Extraction april = extract(file, Set.of());
        // weapon mix: damage by attacker and V1 kills by killer, each with its top-level causer
        Map<String, Double> damage = new TreeMap<>();
        Map<String, Integer> kills = new TreeMap<>();
        Map<String, Double> received = new HashMap<>();
        for (JsonNode e : real) {
            if ("LogPlayerTakeDamage".equals(e.path("_T").asText())) {
                if (!e.path("attacker").path("name").asText("").isEmpty()) {
                    damage.merge(e.path("attacker").path("name").asText(), e.path("damage").asDouble(), Double::sum);
                }
                received.merge(e.path("victim").path("accountId").asText(), e.path("damage").asDouble(), Double::sum);
            } else if ("LogPlayerKill".equals(e.path("_T").asText()) && !e.path("killer").path("name").asText("").isEmpty()) {
                kills.merge(e.path("killer").path("name").asText(), 1, Integer::sum);
            }
        }
        Map<String, Double> rowDamage = new TreeMap<>();
        Map<String, Integer> rowKills = new TreeMap<>();
        for (Map<String, Object> r : rows(april, "player_match_weapon_distribution")) {
            rowDamage.merge((String) r.get("player_name"), ((BigDecimal) r.get("total_damage")).doubleValue(), Double::sum);
            if ((int) r.get("total_kills") > 0) {
                rowKills.merge((String) r.get("player_name"), (int) r.get("total_kills"), Integer::sum);
            }
        }
        assertThat(rowKills).isEqualTo(kills).isNotEmpty();
        damage.forEach((name, total) -> assertThat(rowDamage.get(name)).as(name).isCloseTo(total, within(0.05)));
        for (Map<String, Object> s : april.summaryStats()) {
            assertThat(((BigDecimal) s.get("damage_received")).doubleValue()).as((String) s.get("player_id"))
                    .isCloseTo(received.getOrDefault((String) s.get("player_id"), 0.0), within(0.006));
        }
        // zone play for every player with position samples
        long withSamples = april.summaryStats().stream().filter(s -> s.get("avg_distance_from_center") != null).count();
        Set<String> sampled = new java.util.HashSet<>();
        real.forEach(e -> {
            if ("LogPlayerPosition".equals(e.path("_T").asText())) {
                sampled.add(e.path("character").path("accountId").asText());
            }
        });
        assertThat(withSamples).isEqualTo(sampled.size()).isPositive();
    }

    // ---------------------------------------------------------------------------------- helpers

    private static List<JsonNode> events(String type) {
        return byType.getOrDefault(type, List.of());
    }

    private JsonNode first(String type, java.util.function.Predicate<JsonNode> test) {
        return events(type).stream().filter(test).findFirst().orElse(null);
    }

    private long count(String type, java.util.function.Predicate<JsonNode> test) {
        return events(type).stream().filter(test).count();
    }

    private List<Map<String, Object>> rows(String table) {
        return rows(x, table);
    }

    private static List<Map<String, Object>> rows(Extraction extraction, String table) {
        return Rows.of(extraction.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElseThrow());
    }

    private static double seconds(JsonNode event) {
        return millis(event) / 1000.0;
    }

    private static long millis(JsonNode event) {
        return Instant.parse(event.path("_D").asText()).toEpochMilli();
    }

    private static double sq(double v) {
        return v * v;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<?> parse(String json) {
        try {
            return JSON.readValue(json, List.class);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
