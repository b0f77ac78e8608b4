package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code weapon_kill_events}: knocks (LogPlayerMakeGroggy) and kills (LogPlayerKillV2, V1 LogPlayerKill)
 * with the weapon, distance, both positions, in-vehicle and blue/red-zone flags and the zone phase
 * ({@code common.isGame} rounded down: 0 before the first circle, then 1, 2, ...). A row is one event:
 * a knock has {@code is_knock_down}, a kill {@code is_kill}; a kill's {@code time_survived} is the victim's
 * seconds from LogMatchStart to the kill.
 */
public final class WeaponKillsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("weapon_kill_events", List.of("match_id", "event_index",
            "event_type", "attack_id", "dbno_id", "killer_id", "killer_name", "killer_team_id", "victim_id",
            "victim_name", "victim_team_id", "weapon_id", "damage_type", "damage_reason", "distance",
            "killer_x", "killer_y", "killer_z", "victim_x", "victim_y", "victim_z", "killer_in_vehicle",
            "victim_in_vehicle", "killer_in_blue_zone", "killer_in_red_zone", "is_blue_zone", "is_red_zone",
            "is_knock_down", "is_kill", "zone_phase", "time_survived", "is_game", "map_name", "game_mode",
            "match_type", "match_datetime", "event_timestamp"));
    private java.time.OffsetDateTime matchStart;

    public WeaponKillsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogMatchStart", "LogPlayerMakeGroggy", "LogPlayerKillV2", "LogPlayerKill");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        String type = Characters.text(event, "_T");
        if ("LogMatchStart".equals(type)) {
            matchStart = Characters.eventTime(event);
            return;
        }
        JsonNode victim = character(event.get("victim"));
        JsonNode killer;
        JsonNode damage;
        Boolean killerInVehicle;
        String eventType;
        if ("LogPlayerMakeGroggy".equals(type)) {
            eventType = "knock";
            killer = character(event.get("attacker"));
            damage = event;
            Boolean flag = Characters.bool(event, "isAttackerInVehicle");
            killerInVehicle = flag != null ? flag : Characters.inVehicle(killer);
        } else if ("LogPlayerKillV2".equals(type)) {
            eventType = "kill";
            killer = character(event.get("killer"));
            damage = event.get("killerDamageInfo");
            if (killer == null) {
                // no killer (zone, fall, suicide): the finisher's damage is what killed
                killer = character(event.get("finisher"));
                damage = event.get("finishDamageInfo");
            }
            killerInVehicle = Characters.inVehicle(killer, event.get("killerVehicle"));
        } else {
            eventType = "kill";
            killer = character(event.get("killer"));
            damage = event;
            killerInVehicle = Characters.inVehicle(killer);
        }
        Boolean victimInVehicle = "LogPlayerKillV2".equals(type)
                ? Characters.inVehicle(victim, event.get("victimVehicle")) : Characters.inVehicle(victim);
        Double isGame = Characters.isGame(event);
        Integer phase = isGame == null ? null : (int) Math.floor(isGame + 1e-6);
        boolean knock = "knock".equals(eventType);
        java.time.OffsetDateTime time = Characters.eventTime(event);
        Integer survived = knock || matchStart == null || time == null ? null
                : (int) java.time.Duration.between(matchStart, time).toSeconds();
        rows.add(match.matchId(), eventIndex, eventType, Characters.longValue(event, "attackId"),
                Characters.longValue(event, "dBNOId"),
                Characters.accountId(killer), Characters.name(killer), Characters.teamId(killer),
                Characters.accountId(victim), Characters.name(victim), Characters.teamId(victim),
                Characters.text(damage, "damageCauserName"), Characters.text(damage, "damageTypeCategory"),
                Characters.text(damage, "damageReason"), Characters.number(damage, "distance"),
                Characters.x(killer), Characters.y(killer), Characters.z(killer),
                Characters.x(victim), Characters.y(victim), Characters.z(victim),
                killerInVehicle, victimInVehicle, Characters.inBlueZone(killer), Characters.inRedZone(killer),
                Characters.inBlueZone(victim), Characters.inRedZone(victim), knock, !knock, phase, survived, isGame,
                match.mapName(), match.gameMode(), match.gameType(), match.matchDatetime(), time);
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
