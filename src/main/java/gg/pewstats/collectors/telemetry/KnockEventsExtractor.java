package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import gg.pewstats.collectors.telemetry.MatchState.Knock;
import gg.pewstats.collectors.telemetry.PositionTimeline.Neighbour;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code player_knock_events}: one row per LogPlayerMakeGroggy. Its outcome comes from later events of
 * the same pass: the LogPlayerKillV2 with its dBNOId ({@code killed}, by whom, self or teammate, how many
 * seconds later) or a LogPlayerRevive ({@code revived}; matched by dBNOId, or in files whose revives have
 * none by the victim's open knock); else {@code unknown}. Teammates near the attacker and near the victim
 * are read from the {@link PositionTimeline} when the file has been read, within ±5 s of the knock: the
 * knock's row is built at the end of the pass, from the knock's own values kept until then.
 */
public final class KnockEventsExtractor implements Extractor {

    /** Teammate positions count when within this many milliseconds of the knock. */
    static final long PROXIMITY_WINDOW_MS = 5_000;

    private final MatchContext match;
    private final MatchState state;
    private final List<Object[]> pending = new ArrayList<>();
    private final TableRows rows = new TableRows("player_knock_events", List.of("match_id", "event_index", "dbno_id",
            "attack_id", "attacker_name", "attacker_team_id", "attacker_account_id", "attacker_location_x",
            "attacker_location_y", "attacker_location_z", "attacker_health", "victim_name", "victim_team_id",
            "victim_account_id", "victim_location_x", "victim_location_y", "victim_location_z", "damage_reason",
            "damage_type_category", "knock_weapon", "knock_weapon_attachments", "victim_weapon",
            "victim_weapon_attachments", "knock_distance", "is_attacker_in_vehicle", "is_through_penetrable_wall",
            "is_blue_zone", "is_red_zone", "zone_name",
            "nearest_teammate_distance", "avg_teammate_distance", "teammates_within_50m", "teammates_within_100m",
            "teammates_within_200m", "team_spread_variance", "total_teammates_alive", "teammate_positions",
            "victim_nearest_teammate_distance", "victim_avg_teammate_distance", "victim_teammates_within_50m",
            "victim_teammates_within_100m", "victim_teammates_within_200m", "victim_team_spread_variance",
            "victim_total_teammates_alive", "victim_teammate_positions",
            "outcome", "finisher_name", "finisher_account_id", "finisher_is_self", "finisher_is_teammate",
            "time_to_finish", "map_name", "game_mode", "game_type", "match_datetime", "event_timestamp"));

    public KnockEventsExtractor(MatchContext match, MatchState state) {
        this.match = match;
        this.state = state;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerMakeGroggy", "LogPlayerKillV2", "LogPlayerRevive");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        switch (Characters.text(event, "_T")) {
            case "LogPlayerMakeGroggy" -> knock(eventIndex, event);
            case "LogPlayerKillV2" -> {
                Knock knock = state.knockOf(Characters.longValue(event, "dBNOId"));
                if (knock != null && knock.open()) {
                    finished(knock, event);
                }
            }
            default -> {
                JsonNode victim = character(event.get("victim"));
                Long dbnoId = Characters.longValue(event, "dBNOId");
                Knock knock = dbnoId != null && dbnoId >= 0 ? state.knockOf(dbnoId)
                        : state.openKnockOf(Characters.accountId(victim));
                if (knock != null && knock.open()) {
                    knock.outcome = "revived";
                }
            }
        }
    }

    private void knock(int eventIndex, JsonNode event) {
        JsonNode attacker = character(event.get("attacker"));
        JsonNode victim = character(event.get("victim"));
        Double distance = Characters.number(event, "distance");
        Knock knock = new Knock(eventIndex, Characters.longValue(event, "dBNOId"), PositionTimeline.millis(event),
                Characters.name(attacker), Characters.accountId(attacker), Characters.teamId(attacker),
                Characters.name(victim), Characters.accountId(victim), Characters.teamId(victim),
                distance == null ? null : distance / 100.0, "HeadShot".equals(Characters.text(event, "damageReason")),
                Boolean.TRUE.equals(Characters.bool(event, "isThroughPenetrableWall")),
                Boolean.TRUE.equals(Characters.bool(event, "isAttackerInVehicle")));
        state.addKnock(knock);
        JsonNode zones = attacker == null ? null : attacker.get("zone");
        String zoneName = null;
        if (zones != null && zones.isArray() && !zones.isEmpty()) {
            List<String> names = new ArrayList<>();
            zones.forEach(z -> names.add(z.asText()));
            zoneName = String.join(",", names);
        }
        // the values known now; teammates and outcome are added in finish()
        pending.add(new Object[] {knock, Characters.longValue(event, "attackId"),
                Characters.x(attacker), Characters.y(attacker), Characters.z(attacker), Characters.health(attacker),
                Characters.x(victim), Characters.y(victim), Characters.z(victim),
                Characters.text(event, "damageReason"), Characters.text(event, "damageTypeCategory"),
                Characters.text(event, "damageCauserName"), json(event.get("damageCauserAdditionalInfo")),
                Characters.text(event, "victimWeapon"), json(event.get("victimWeaponAdditionalInfo")),
                Characters.inBlueZone(attacker), Characters.inRedZone(attacker), zoneName,
                Characters.eventTime(event)});
    }

    private void finished(Knock knock, JsonNode kill) {
        JsonNode finisher = character(kill.get("finisher"));
        if (finisher == null) {
            finisher = character(kill.get("killer"));
        }
        knock.outcome = "killed";
        knock.finisherName = Characters.name(finisher);
        knock.finisherAccountId = Characters.accountId(finisher);
        if (finisher != null) {
            boolean self = knock.attackerAccountId != null
                    ? knock.attackerAccountId.equals(knock.finisherAccountId)
                    : Objects.equals(knock.attackerName, knock.finisherName);
            knock.finisherIsSelf = self;
            knock.finisherIsTeammate = !self && knock.attackerTeamId != null
                    && knock.attackerTeamId.equals(Characters.teamId(finisher));
        }
        long killTime = PositionTimeline.millis(kill);
        if (killTime != Long.MIN_VALUE && knock.time != Long.MIN_VALUE) {
            knock.timeToFinish = (killTime - knock.time) / 1000.0;
        }
    }

    @Override
    public void finish() {
        for (Object[] p : pending) {
            Knock knock = (Knock) p[0];
            Proximity attackerSide = proximity(knock.attackerTeamId, knock.attackerName, knock.time, p[2], p[3], p[4]);
            Proximity victimSide = proximity(knock.victimTeamId, knock.victimName, knock.time, p[6], p[7], p[8]);
            knock.nearestTeammate = attackerSide.nearest;
            knock.avgTeammate = attackerSide.average;
            rows.add(match.matchId(), knock.eventIndex, knock.dbnoId, p[1], knock.attackerName, knock.attackerTeamId,
                    knock.attackerAccountId, p[2], p[3], p[4], p[5], knock.victimName, knock.victimTeamId,
                    knock.victimAccountId, p[6], p[7], p[8], p[9], p[10], p[11], p[12], p[13], p[14],
                    knock.distanceMetres, knock.inVehicle, knock.throughWall, p[15], p[16], p[17],
                    attackerSide.nearest, attackerSide.average, attackerSide.within50, attackerSide.within100,
                    attackerSide.within200, attackerSide.variance, attackerSide.count, attackerSide.json,
                    victimSide.nearest, victimSide.average, victimSide.within50, victimSide.within100,
                    victimSide.within200, victimSide.variance, victimSide.count, victimSide.json,
                    knock.outcome, knock.finisherName, knock.finisherAccountId, knock.finisherIsSelf,
                    knock.finisherIsTeammate, knock.timeToFinish, match.mapName(), match.gameMode(), match.gameType(),
                    match.matchDatetime(), p[18]);
        }
        pending.clear();
    }

    /** Teammates of one side of a knock: nearest, mean, population variance, counts within 50/100/200 m. */
    private record Proximity(Double nearest, Double average, Integer within50, Integer within100, Integer within200,
            Double variance, Integer count, String json) {
    }

    private Proximity proximity(Integer teamId, String name, long time, Object x, Object y, Object z) {
        if (teamId == null || time == Long.MIN_VALUE || !(x instanceof Double px) || !(y instanceof Double py)) {
            return new Proximity(null, null, null, null, null, null, null, null);
        }
        double pz = z instanceof Double d ? d : 0;
        List<Neighbour> near = state.positions().teammatesNear(teamId, name, time, PROXIMITY_WINDOW_MS, px, py, pz);
        int w50 = 0;
        int w100 = 0;
        int w200 = 0;
        double sum = 0;
        StringBuilder json = new StringBuilder("[");
        for (Neighbour n : near) {
            w50 += n.distance() <= 50 ? 1 : 0;
            w100 += n.distance() <= 100 ? 1 : 0;
            w200 += n.distance() <= 200 ? 1 : 0;
            sum += n.distance();
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"name\":").append(jsonString(n.name())).append(",\"distance\":")
                    .append(Math.round(n.distance() * 100) / 100.0).append('}');
        }
        json.append(']');
        Double nearest = near.isEmpty() ? null : near.get(0).distance();
        Double average = near.isEmpty() ? null : sum / near.size();
        Double variance = null;
        if (near.size() >= 2) {
            double squares = 0;
            for (Neighbour n : near) {
                squares += (n.distance() - average) * (n.distance() - average);
            }
            variance = squares / near.size();
        }
        return new Proximity(nearest, average, w50, w100, w200, variance, near.size(), json.toString());
    }

    private static String json(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.toString();
    }

    private static String jsonString(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
