package gg.pewstats.collectors.routes;

import static org.assertj.core.api.Assertions.assertThat;

import gg.pewstats.collectors.testing.RouteTestSupport;
import java.math.BigDecimal;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stats-aggregation stage alone, on real PostgreSQL with the broker mocked at its edges, on rows
 * written by hand so every expected total is known: a completed match's rows added once to the three
 * career tables (ranked and all), nothing published; a failure at the transaction's last step leaves
 * nothing; a malformed message is dead-lettered with its reason; taking a match out (as a reprocess does)
 * subtracts it and recomputes the longest kill from the matches still counted.
 */
class StatsAggregationRouteTest extends RouteTestSupport {

    @BeforeEach
    void adviseAndStart() throws Exception {
        startStage("stats-aggregation", "direct:match-completed");
        match("m-ranked", "competitive", 25000.0);
    }

    /**
     * A completed match: alice kills bob twice (40 m and the given distance in cm, one a headshot) with the
     * AKM and knocks him once; damage 30.5 and 20 to bob, a 0 and a zone hit left out; summaries of both.
     */
    private void match(String matchId, String gameType, double longShotCm) throws Exception {
        execute("INSERT INTO matches (match_id, status, game_type) VALUES (?, 'completed', ?)", matchId, gameType);
        execute("INSERT INTO weapon_kill_events (match_id, event_index, event_type, killer_name, weapon_id, damage_reason, "
                + "distance, is_kill, is_knock_down) VALUES (?, 1, 'knock', 'alice', 'WeapAK47_C', 'TorsoShot', 1500, false, true), "
                + "(?, 2, 'kill', 'alice', 'WeapAK47_C', 'HeadShot', 4000, true, false), "
                + "(?, 3, 'kill', 'alice', 'WeapAK47_C', 'TorsoShot', ?, true, false)", matchId, matchId, matchId, longShotCm);
        execute("INSERT INTO player_damage_events (match_id, event_index, attacker_name, victim_name, weapon_id, damage_reason, damage) "
                + "VALUES (?, 1, 'alice', 'bob', 'WeapAK47_C', 'TorsoShot', 30.5), (?, 2, 'alice', 'bob', 'WeapAK47_C', 'TorsoShot', 20), "
                + "(?, 3, 'alice', 'bob', 'WeapAK47_C', 'TorsoShot', 0), (?, 4, NULL, 'bob', 'BlueZone', 'None', 3)",
                matchId, matchId, matchId, matchId);
        execute("INSERT INTO match_summaries (match_id, participant_id, player_id, player_name, heals_used, "
                + "avg_distance_from_center, time_outside_zone_seconds) VALUES (?, 'p1', 'account.a', 'alice', 3, 100.25, 10), "
                + "(?, 'p2', 'account.b', 'bob', 1, NULL, NULL)", matchId, matchId);
    }

    private String completed(String matchId) {
        return "{\"match_id\":\"" + matchId + "\",\"worker_id\":\"w\"}";
    }

    private Object value(String sql) throws Exception {
        Object v = queryOne(sql);
        // decimals as their plain text without trailing zeros ("250", "50.5")
        return v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v;
    }

    @Test
    void aCompletedMatchIsAddedOnceInItsBucketsAndNothingIsPublished() throws Exception {
        template.sendBody("direct:match-completed", completed("m-ranked"));
        template.sendBody("direct:match-completed", completed("m-ranked"));

        assertThat(queryOne("SELECT stats_aggregated AND stats_aggregated_at IS NOT NULL FROM matches")).isEqualTo(true);
        assertThat(count("SELECT count(*) FROM player_damage_stats")).isEqualTo(2);
        assertThat(value("SELECT total_damage FROM player_damage_stats WHERE match_type = 'ranked'")).isEqualTo("50.5");
        assertThat(value("SELECT total_hits FROM player_damage_stats WHERE match_type = 'all'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM player_weapon_stats WHERE player_name = 'alice' AND weapon_id = 'WeapAK47_C' "
                + "AND total_kills = 2 AND headshot_kills = 1 AND knock_downs = 1 AND total_kill_distance = 290 "
                + "AND longest_kill = 250 AND close_range_kills = 1 AND mid_range_kills = 0 AND long_range_kills = 1")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM player_advanced_career_stats WHERE player_name = 'alice' AND total_heals_used = 3 "
                + "AND matches_played = 1 AND matches_with_circle_data = 1 AND avg_distance_from_center = 100.25 "
                + "AND avg_time_outside_zone_seconds = 10")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM player_advanced_career_stats WHERE player_name = 'bob' AND matches_played = 1 "
                + "AND matches_with_circle_data = 0 AND avg_distance_from_center IS NULL")).isEqualTo(2);
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void aFailureAtTheLastStepLeavesNothing() throws Exception {
        AdviceWith.adviceWith(context, "stats-contributions", a -> a.weaveById("stats-contributions-career")
                .replace().throwException(new java.sql.SQLException("injected failure after the weapon stats")));
        deadLetters.expectedMessageCount(1);

        template.sendBody("direct:match-completed", completed("m-ranked"));

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges().get(0).getMessage().getHeader("x-dead-letter-reason", String.class))
                .contains("injected failure");
        assertThat(queryOne("SELECT stats_aggregated FROM matches")).isEqualTo(false);
        assertThat(count("SELECT count(*) FROM player_damage_stats")).isZero();
        assertThat(count("SELECT count(*) FROM player_weapon_stats")).isZero();
    }

    @Test
    void aMalformedMessageIsDeadLetteredWithItsReason() throws Exception {
        deadLetters.expectedMessageCount(2);

        template.sendBody("direct:match-completed", "{\"match_id\":\"../../etc/passwd\"}");
        template.sendBody("direct:match-completed", "not json at all");

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges()).extracting(e -> e.getMessage().getHeader("x-dead-letter-reason", String.class))
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(count("SELECT count(*) FROM player_damage_stats")).isZero();
    }

    @Test
    void takingAMatchOutSubtractsItAndRecomputesTheLongestKill() throws Exception {
        match("m-normal", "official", 9000.0);
        match("m-ranked-2", "competitive", 12000.0);
        for (String id : new String[] {"m-ranked", "m-normal", "m-ranked-2"}) {
            template.sendBody("direct:match-completed", completed(id));
        }
        assertThat(value("SELECT longest_kill FROM player_weapon_stats WHERE match_type = 'all'")).isEqualTo("250");
        assertThat(value("SELECT total_kills FROM player_weapon_stats WHERE match_type = 'all'")).isEqualTo(6);

        // what the extraction does before it replaces m-ranked's rows
        template.send("direct:stats-take-out", e -> e.setProperty("matchId", "m-ranked"));

        assertThat(queryOne("SELECT stats_aggregated FROM matches WHERE match_id = 'm-ranked'")).isEqualTo(false);
        Map<String, Object> expectedLongest = Map.of("ranked", "120", "normal", "90",
                "all", "120");
        for (Map.Entry<String, Object> bucket : expectedLongest.entrySet()) {
            assertThat(value("SELECT longest_kill FROM player_weapon_stats WHERE match_type = '" + bucket.getKey() + "'"))
                    .as(bucket.getKey()).isEqualTo(bucket.getValue());
        }
        assertThat(value("SELECT total_kills FROM player_weapon_stats WHERE match_type = 'all'")).isEqualTo(4);
        assertThat(value("SELECT total_damage FROM player_damage_stats WHERE match_type = 'ranked'")).isEqualTo("50.5");
        assertThat(value("SELECT matches_played FROM player_advanced_career_stats WHERE player_name = 'bob' AND match_type = 'all'"))
                .isEqualTo(2);

        // the last ranked match out too: the ranked rows go, the others stay
        template.send("direct:stats-take-out", e -> e.setProperty("matchId", "m-ranked-2"));
        assertThat(count("SELECT count(*) FROM player_weapon_stats WHERE match_type = 'ranked'")).isZero();
        assertThat(count("SELECT count(*) FROM player_damage_stats WHERE match_type = 'ranked'")).isZero();
        assertThat(count("SELECT count(*) FROM player_advanced_career_stats WHERE match_type = 'ranked'")).isZero();
        assertThat(value("SELECT avg_distance_from_center FROM player_advanced_career_stats WHERE player_name = 'alice' "
                + "AND match_type = 'all'")).isEqualTo("100.25");
    }
}
