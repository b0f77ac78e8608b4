package gg.pewstats.collectors.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Fights: hand-built scenarios with the fights the live rules give (decisive win, third party, an
 * execution, damage under the thresholds, bots and NPC guards), each compared with {@link LiveFightRules}
 * (the reference's rules by brute force, in the test) and with what a reader of the rules expects; then a
 * generated full match, where the hub's sweep must give exactly the brute force's fights, each fight's
 * totals are its participants' sums, and a second run gives the same rows.
 */
class FightsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-04-15T22:00:00Z");

    // ------------------------------------------------------------------------------ event builders

    private final List<String> events = new ArrayList<>();

    private static String character(String name, int team, double x, double y) {
        String id = name.startsWith("bot") ? "ai." + name : "account." + name;
        return String.format(Locale.ROOT, "{\"name\":\"%s\",\"teamId\":%d,\"health\":100,\"location\":{\"x\":%.1f,\"y\":%.1f,"
                + "\"z\":100.0},\"accountId\":\"%s\",\"type\":\"%s\"}", name, team, x, y, id, name.startsWith("bot") ? "user_ai" : "user");
    }

    private static String at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000)).toString();
    }

    private void damage(double s, String attacker, String victim, double amount) {
        events.add("{\"attacker\":" + attacker + ",\"victim\":" + victim + ",\"damageTypeCategory\":\"Damage_Gun\","
                + "\"damageCauserName\":\"WeapHK416_C\",\"damage\":" + amount + ",\"_D\":\"" + at(s) + "\",\"_T\":\"LogPlayerTakeDamage\"}");
    }

    private void knock(double s, String attacker, String victim, int dbno) {
        events.add("{\"attacker\":" + attacker + ",\"victim\":" + victim + ",\"damageCauserName\":\"WeapHK416_C\","
                + "\"distance\":1200,\"dBNOId\":" + dbno + ",\"_D\":\"" + at(s) + "\",\"_T\":\"LogPlayerMakeGroggy\"}");
    }

    private void kill(double s, String finisher, String victim, int dbno) {
        events.add("{\"dBNOId\":" + dbno + ",\"finisher\":" + finisher + ",\"killer\":" + finisher + ",\"victim\":" + victim
                + ",\"_D\":\"" + at(s) + "\",\"_T\":\"LogPlayerKillV2\"}");
    }

    private record Result(List<Map<String, Object>> fights, List<Map<String, Object>> participants, JsonNode all) {
    }

    private static Result run(byte[] json) throws Exception {
        MatchContext match = new MatchContext("m", "Rondo", "squad", "official", OffsetDateTime.parse("2026-04-15T21:45:00Z"),
                Set.of(), true);
        FightsExtractor fights = new FightsExtractor(match);
        new TelemetryReader().read(new ByteArrayInputStream(json), List.of(fights));
        return new Result(Rows.of(fights.rows()), Rows.of(fights.participants()), JSON.readTree(json));
    }

    private Result run() throws Exception {
        return run(("[" + String.join(",", events) + "]").getBytes(StandardCharsets.UTF_8));
    }

    /** The hub's fights in the reference's shape, to compare field by field. */
    private static List<LiveFightRules.Fight> asReference(Result result) throws Exception {
        List<LiveFightRules.Fight> out = new ArrayList<>();
        for (Map<String, Object> f : result.fights()) {
            int index = (Integer) f.get("fight_index");
            Map<String, String> participants = new TreeMap<>();
            for (Map<String, Object> p : result.participants()) {
                if (((FightsExtractor.FightId) p.get("fight_id")).index() == index) {
                    participants.put((String) p.get("player_name"), String.format(Locale.ROOT,
                            "team=%d knocks=%d kills=%d dealt=%.2f taken=%.2f knocked=%b killed=%b", p.get("team_id"),
                            p.get("knocks_dealt"), p.get("kills_dealt"), p.get("damage_dealt"), p.get("damage_taken"),
                            p.get("was_knocked"), p.get("was_killed")));
                }
            }
            Map<Integer, String> outcomes = new TreeMap<>();
            JSON.readTree((String) f.get("team_outcomes")).fields()
                    .forEachRemaining(e -> outcomes.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
            out.add(new LiveFightRules.Fight(((OffsetDateTime) f.get("fight_start_time")).toInstant().toEpochMilli(),
                    ((OffsetDateTime) f.get("fight_end_time")).toInstant().toEpochMilli(), ints(f.get("team_ids")),
                    (Integer) f.get("primary_team_1"), (Integer) f.get("primary_team_2"), ints(f.get("third_party_teams")),
                    (Integer) f.get("total_knocks"), (Integer) f.get("total_kills"), (Double) f.get("total_damage"),
                    (String) f.get("outcome"), (Integer) f.get("winning_team_id"), (Integer) f.get("loser_team_id"), outcomes,
                    (String) f.get("fight_reason"), participants));
        }
        return out;
    }

    private static List<Integer> ints(Object array) {
        if (array == null) {
            return List.of();
        }
        String text = (String) array;
        List<Integer> out = new ArrayList<>();
        for (String n : text.substring(1, text.length() - 1).split(",")) {
            if (!n.isEmpty()) {
                out.add(Integer.parseInt(n));
            }
        }
        return out;
    }

    /** Field by field, damage within a hundredth (sums in another order). */
    private static void assertSameFights(List<LiveFightRules.Fight> actual, List<LiveFightRules.Fight> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            LiveFightRules.Fight a = actual.get(i);
            LiveFightRules.Fight e = expected.get(i);
            assertThat(a.damage()).as("fight %d damage", i).isCloseTo(e.damage(), within(0.01));
            assertThat(new LiveFightRules.Fight(a.start(), a.end(), a.teams(), a.primary1(), a.primary2(), a.thirdParties(),
                    a.knocks(), a.kills(), 0, a.outcome(), a.winner(), a.loser(), a.teamOutcomes(), a.reason(), a.participants()))
                    .as("fight %d", i).isEqualTo(new LiveFightRules.Fight(e.start(), e.end(), e.teams(), e.primary1(),
                            e.primary2(), e.thirdParties(), e.knocks(), e.kills(), 0, e.outcome(), e.winner(), e.loser(),
                            e.teamOutcomes(), e.reason(), e.participants()));
        }
    }

    // ------------------------------------------------------------------------------------ scenarios

    /** Team 1 (a1, a2) and team 2 (b1, b2) trade damage, then team 1 knocks and kills both of team 2. */
    private void twoTeamsFight(double from) {
        String a1 = character("a1", 1, 100_000, 100_000);
        String a2 = character("a2", 1, 101_000, 100_500);
        String b1 = character("b1", 2, 105_000, 102_000);
        String b2 = character("b2", 2, 104_000, 101_000);
        damage(from, a1, b1, 40);
        damage(from + 2, b1, a1, 30);
        damage(from + 5, a2, b2, 35);
        knock(from + 8, a1, b1, 11);
        kill(from + 12, a1, b1, 11);
        kill(from + 15, a2, b2, -1);
    }

    @Test
    void twoTeamsTradeDamageThenAKnockAndKillsAreADecisiveWin() throws Exception {
        twoTeamsFight(60);
        Result result = run();
        assertSameFights(asReference(result), LiveFightRules.fights(result.all()));
        assertThat(result.fights()).hasSize(1);
        Map<String, Object> fight = result.fights().get(0);
        assertThat(fight.get("outcome")).isEqualTo("DECISIVE_WIN");
        assertThat(fight.get("winning_team_id")).isEqualTo(1);
        assertThat(fight.get("loser_team_id")).isEqualTo(2);
        assertThat(fight.get("team_ids")).isEqualTo("{1,2}");
        assertThat(fight.get("third_party_teams")).isNull();
        assertThat(fight.get("fight_reason")).isEqualTo("Multiple casualties (3 knocks/kills)");
        assertThat(fight.get("duration_seconds")).isEqualTo(15.0);
        assertThat(fight.get("total_damage_events")).isEqualTo(3);
        assertThat(fight.get("total_damage")).isEqualTo(105.0);
        assertThat(result.participants()).hasSize(4).allMatch(p -> ((FightsExtractor.FightId) p.get("fight_id")).index() == 0);
    }

    @Test
    void aThirdTeamJoiningNearTheFightMakesItAThirdParty() throws Exception {
        twoTeamsFight(60);
        // team 3 arrives within 300 m of where the fight began and shoots a2 (less than team 2 did: the
        // primary teams are 1 and 2); team 4, 2 km away, shoots team 1 meanwhile: not part of this fight
        // (250 m from the first event's centre, 102500 / 101000)
        String c1 = character("c1", 3, 102_500, 126_000);
        String a2 = character("a2", 1, 101_000, 100_500);
        damage(70, c1, a2, 20);
        damage(71, character("d1", 4, 300_000, 300_000), character("a1", 1, 100_000, 100_000), 20);
        // and team 5, 350 m away, shoots a1: too far to join
        damage(72, character("e1", 5, 102_500, 136_000), character("a1", 1, 100_000, 100_000), 20);
        events.sort(java.util.Comparator.comparing(e -> e.substring(e.indexOf("\"_D\""))));
        Result result = run();
        assertSameFights(asReference(result), LiveFightRules.fights(result.all()));
        assertThat(result.fights()).hasSize(1);
        Map<String, Object> fight = result.fights().get(0);
        assertThat(fight.get("team_ids")).isEqualTo("{1,2,3}");
        assertThat(fight.get("outcome")).isEqualTo("THIRD_PARTY");
        assertThat(fight.get("third_party_teams")).isEqualTo("{3}");
        assertThat(fight.get("winning_team_id")).isEqualTo(1);
        assertThat(fight.get("loser_team_id")).isEqualTo(2);
        assertThat(result.participants()).extracting(p -> p.get("player_name")).contains("c1").doesNotContain("d1", "e1");
    }

    @Test
    void aLoneKillWithoutReturnDamageIsAnExecutionNotAFight() throws Exception {
        damage(30, character("a1", 1, 100_000, 100_000), character("b1", 2, 101_000, 100_000), 20);
        kill(31, character("a1", 1, 100_000, 100_000), character("b1", 2, 101_000, 100_000), -1);
        Result result = run();
        assertThat(LiveFightRules.fights(result.all())).isEmpty();
        assertThat(result.fights()).isEmpty();
        assertThat(result.participants()).isEmpty();
    }

    @Test
    void damageUnderTheThresholdsIsNoFight() throws Exception {
        // 140 in total (under 150), and a knock where one side dealt under 75
        damage(10, character("a1", 1, 100_000, 100_000), character("b1", 2, 101_000, 100_000), 80);
        damage(12, character("b1", 2, 101_000, 100_000), character("a1", 1, 100_000, 100_000), 60);
        damage(200, character("a1", 1, 100_000, 100_000), character("b1", 2, 101_000, 100_000), 80);
        damage(201, character("b1", 2, 101_000, 100_000), character("a1", 1, 100_000, 100_000), 70);
        knock(203, character("a1", 1, 100_000, 100_000), character("b1", 2, 101_000, 100_000), 5);
        Result result = run();
        assertThat(LiveFightRules.fights(result.all())).isEmpty();
        assertThat(result.fights()).isEmpty();
        // with 10 more damage from team 2 the knock makes it a fight (both teams at least 75)
        damage(202, character("b1", 2, 101_000, 100_000), character("a1", 1, 100_000, 100_000), 10);
        events.sort(java.util.Comparator.comparing(e -> e.substring(e.indexOf("\"_D\""))));
        Result fought = run();
        assertSameFights(asReference(fought), LiveFightRules.fights(fought.all()));
        assertThat(fought.fights()).singleElement()
                .satisfies(f -> assertThat(f.get("fight_reason")).isEqualTo("Single knock with reciprocal damage (all teams ≥75 damage)"));
    }

    @Test
    void botsAndNpcGuardsAreLeftOutOfTeamsAndParticipants() throws Exception {
        twoTeamsFight(60);
        // a bot (team 7) and a Guard NPC (team 9) shoot team 1 during the fight, near it
        damage(63, character("bot7", 7, 102_000, 101_000), character("a1", 1, 100_000, 100_000), 25);
        damage(64, character("Guard", 9, 102_500, 101_000), character("a2", 1, 101_000, 100_500), 25);
        knock(66, character("Guard", 9, 102_500, 101_000), character("a2", 1, 101_000, 100_500), 13);
        events.sort(java.util.Comparator.comparing(e -> e.substring(e.indexOf("\"_D\""))));
        Result result = run();
        assertSameFights(asReference(result), LiveFightRules.fights(result.all()));
        assertThat(result.fights()).singleElement().satisfies(f -> {
            assertThat(f.get("team_ids")).isEqualTo("{1,2}");
            // the guard's knock is not a human's: the totals are the participants'
            assertThat(f.get("total_knocks")).isEqualTo(1);
        });
        assertThat(result.participants()).extracting(p -> p.get("player_name"))
                .containsExactlyInAnyOrder("a1", "a2", "b1", "b2");
    }

    // --------------------------------------------------------------------------- a generated match

    @Test
    void aFullMatchGivesTheBruteForceFightsWithTotalsOfItsParticipantsTwiceTheSame() throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        TelemetryGenerator.fullSizeSquadMatch(31).write(json);
        Result result = run(json.toByteArray());
        List<LiveFightRules.Fight> expected = LiveFightRules.fights(result.all());
        assertThat(expected).hasSizeGreaterThan(10);
        assertSameFights(asReference(result), expected);
        // each fight's totals are its participants' sums
        for (Map<String, Object> f : result.fights()) {
            List<Map<String, Object>> players = result.participants().stream()
                    .filter(p -> f.get("fight_index").equals(((FightsExtractor.FightId) p.get("fight_id")).index())).toList();
            assertThat(players).isNotEmpty();
            assertThat(f.get("total_knocks")).isEqualTo(players.stream().mapToInt(p -> (Integer) p.get("knocks_dealt")).sum());
            assertThat(f.get("total_kills")).isEqualTo(players.stream().mapToInt(p -> (Integer) p.get("kills_dealt")).sum());
            assertThat((Double) f.get("total_damage"))
                    .isCloseTo(players.stream().mapToDouble(p -> (Double) p.get("damage_dealt")).sum(), within(0.01));
        }
        // every knock and kill between two human teams is counted by at most one fight
        for (JsonNode e : result.all()) {
            String type = e.path("_T").asText();
            boolean kill = type.equals("LogPlayerKillV2");
            if (!kill && !type.equals("LogPlayerMakeGroggy")) {
                continue;
            }
            JsonNode a = e.path(kill ? "finisher" : "attacker");
            JsonNode v = e.path("victim");
            if (a.path("teamId").asInt() == v.path("teamId").asInt() || a.path("accountId").asText().startsWith("ai.")
                    || v.path("accountId").asText().startsWith("ai.")) {
                continue;
            }
            long t = LiveFightRules.time(e);
            long counted = result.fights().stream().filter(f -> ((OffsetDateTime) f.get("fight_start_time")).toInstant().toEpochMilli() <= t
                    && ((OffsetDateTime) f.get("fight_end_time")).toInstant().toEpochMilli() >= t
                    && ints(f.get("team_ids")).containsAll(List.of(a.path("teamId").asInt(), v.path("teamId").asInt()))).count();
            assertThat(counted).as("%s at %s", type, e.path("_D").asText()).isLessThanOrEqualTo(1);
        }
        // the same file again: the same rows
        Result again = run(json.toByteArray());
        assertThat(again.fights()).isEqualTo(result.fights());
        assertThat(again.participants()).isEqualTo(result.participants());
    }
}
