package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import gg.pewstats.collectors.telemetry.MatchState.Knock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code player_finishing_summary}: one row per player (by name) who knocked someone or killed someone
 * outright (a LogPlayerKillV2 whose dBNOId is missing, -1 or no knock of the match; credited to its
 * finisher). Built at the end of the pass from the match's knocks ({@link MatchState}), whose outcomes
 * and teammate distances {@link KnockEventsExtractor} has completed by then (it finishes first).
 * Players without a team id are left out, as in the live system.
 */
public final class FinishingSummaryExtractor implements Extractor {

    private final MatchContext match;
    private final MatchState state;
    private final Map<String, Player> players = new LinkedHashMap<>();
    private final TableRows rows = new TableRows("player_finishing_summary", List.of("match_id", "player_name",
            "player_account_id", "team_id", "total_knocks", "knocks_converted_self", "knocks_finished_by_teammates",
            "knocks_revived_by_enemy", "instant_kills", "finishing_rate", "avg_time_to_finish_self",
            "avg_time_to_finish_teammate", "avg_knock_distance", "min_knock_distance", "max_knock_distance",
            "knocks_cqc_0_10m", "knocks_close_10_50m", "knocks_medium_50_100m", "knocks_long_100_200m",
            "knocks_very_long_200m_plus", "avg_nearest_teammate_distance", "avg_team_spread",
            "knocks_with_teammate_within_50m", "knocks_with_teammate_within_100m", "knocks_isolated_200m_plus",
            "headshot_knock_count", "wallbang_knock_count", "vehicle_knock_count", "map_name", "game_mode",
            "game_type", "match_datetime"));

    private static final class Player {
        String accountId;
        Integer teamId;
        int knocks;
        int self;
        int teammates;
        int revived;
        int instantKills;
        final Mean selfTime = new Mean();
        final Mean teammateTime = new Mean();
        final Mean distance = new Mean();
        double minDistance = Double.POSITIVE_INFINITY;
        double maxDistance = Double.NEGATIVE_INFINITY;
        final int[] buckets = new int[5];
        final Mean nearest = new Mean();
        final Mean spread = new Mean();
        int within50;
        int within100;
        int isolated;
        int headshots;
        int wallbangs;
        int vehicle;
    }

    private static final class Mean {
        double sum;
        int count;

        void add(Double value) {
            if (value != null) {
                sum += value;
                count++;
            }
        }

        Double value() {
            return count == 0 ? null : sum / count;
        }
    }

    public FinishingSummaryExtractor(MatchContext match, MatchState state) {
        this.match = match;
        this.state = state;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerKillV2");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        // the knock of a finished kill was read before it: a kill without one was instant
        if (state.isKnownKnock(Characters.longValue(event, "dBNOId"))) {
            return;
        }
        JsonNode finisher = character(event.get("finisher"));
        Player player = player(Characters.name(finisher), Characters.accountId(finisher), Characters.teamId(finisher));
        if (player != null) {
            player.instantKills++;
        }
    }

    private Player player(String name, String accountId, Integer teamId) {
        if (name == null || teamId == null) {
            return null;
        }
        Player player = players.computeIfAbsent(name, n -> new Player());
        player.accountId = player.accountId == null ? accountId : player.accountId;
        player.teamId = player.teamId == null ? teamId : player.teamId;
        return player;
    }

    @Override
    public void finish() {
        for (Knock knock : state.knocks()) {
            Player p = player(knock.attackerName, knock.attackerAccountId, knock.attackerTeamId);
            if (p == null) {
                continue;
            }
            p.knocks++;
            if ("killed".equals(knock.outcome) && Boolean.TRUE.equals(knock.finisherIsSelf)) {
                p.self++;
                p.selfTime.add(knock.timeToFinish);
            } else if ("killed".equals(knock.outcome) && Boolean.TRUE.equals(knock.finisherIsTeammate)) {
                p.teammates++;
                p.teammateTime.add(knock.timeToFinish);
            } else if ("revived".equals(knock.outcome)) {
                p.revived++;
            }
            if (knock.distanceMetres != null) {
                double d = knock.distanceMetres;
                p.distance.add(d);
                p.minDistance = Math.min(p.minDistance, d);
                p.maxDistance = Math.max(p.maxDistance, d);
                p.buckets[d < 10 ? 0 : d < 50 ? 1 : d < 100 ? 2 : d < 200 ? 3 : 4]++;
            }
            // a nearest teammate at 0 m counts (the live system's truthiness test dropped it)
            if (knock.nearestTeammate != null) {
                p.nearest.add(knock.nearestTeammate);
                p.within50 += knock.nearestTeammate <= 50 ? 1 : 0;
                p.within100 += knock.nearestTeammate <= 100 ? 1 : 0;
                p.isolated += knock.nearestTeammate >= 200 ? 1 : 0;
            }
            p.spread.add(knock.avgTeammate);
            p.headshots += knock.headshot ? 1 : 0;
            p.wallbangs += knock.throughWall ? 1 : 0;
            p.vehicle += knock.inVehicle ? 1 : 0;
        }
        for (Map.Entry<String, Player> entry : players.entrySet()) {
            Player p = entry.getValue();
            boolean knocked = p.knocks > 0;
            rows.add(match.matchId(), entry.getKey(), p.accountId, p.teamId, p.knocks, p.self, p.teammates, p.revived,
                    p.instantKills, knocked ? PlayerStats.round(100.0 * p.self / p.knocks) : null,
                    p.selfTime.value(), p.teammateTime.value(), p.distance.value(),
                    p.distance.count == 0 ? null : p.minDistance, p.distance.count == 0 ? null : p.maxDistance,
                    p.buckets[0], p.buckets[1], p.buckets[2], p.buckets[3], p.buckets[4], p.nearest.value(),
                    p.spread.value(), p.within50, p.within100, p.isolated, p.headshots, p.wallbangs, p.vehicle,
                    match.mapName(), match.gameMode(), match.gameType(), match.matchDatetime());
        }
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
