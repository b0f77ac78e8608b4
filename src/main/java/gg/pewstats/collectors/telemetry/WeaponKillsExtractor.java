package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code weapon_kill_events}: knocks (LogPlayerMakeGroggy) and kills (LogPlayerKillV2, V1 LogPlayerKill)
 * with the weapon, distance, both positions, in-vehicle and blue/red-zone flags and the zone phase
 * ({@code common.isGame} rounded down: 0 before the first circle, then 1, 2, ...).
 */
public final class WeaponKillsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("weapon_kill_events", List.of("match_id", "event_index",
            "event_type", "attack_id", "dbno_id", "killer_id", "killer_name", "killer_team_id", "victim_id",
            "victim_name", "victim_team_id", "weapon_id", "damage_type_category", "damage_reason", "distance",
            "killer_x", "killer_y", "killer_z", "victim_x", "victim_y", "victim_z", "killer_in_vehicle",
            "victim_in_vehicle", "killer_in_blue_zone", "killer_in_red_zone", "victim_in_blue_zone",
            "victim_in_red_zone", "zone_phase", "is_game", "map_name", "game_mode", "match_datetime", "event_time"));

    public WeaponKillsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerMakeGroggy", "LogPlayerKillV2", "LogPlayerKill");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        String type = Characters.text(event, "_T");
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
            killerInVehicle = inVehicle(killer, event.get("killerVehicle"));
        } else {
            eventType = "kill";
            killer = character(event.get("killer"));
            damage = event;
            killerInVehicle = Characters.inVehicle(killer);
        }
        Boolean victimInVehicle = "LogPlayerKillV2".equals(type)
                ? inVehicle(victim, event.get("victimVehicle")) : Characters.inVehicle(victim);
        Double isGame = Characters.isGame(event);
        Integer phase = isGame == null ? null : (int) Math.floor(isGame + 1e-6);
        rows.add(match.matchId(), eventIndex, eventType, Characters.longValue(event, "attackId"),
                Characters.longValue(event, "dBNOId"),
                Characters.accountId(killer), Characters.name(killer), Characters.teamId(killer),
                Characters.accountId(victim), Characters.name(victim), Characters.teamId(victim),
                Characters.text(damage, "damageCauserName"), Characters.text(damage, "damageTypeCategory"),
                Characters.text(damage, "damageReason"), Characters.number(damage, "distance"),
                Characters.x(killer), Characters.y(killer), Characters.z(killer),
                Characters.x(victim), Characters.y(victim), Characters.z(victim),
                killerInVehicle, victimInVehicle, Characters.inBlueZone(killer), Characters.inRedZone(killer),
                Characters.inBlueZone(victim), Characters.inRedZone(victim), phase, isGame, match.mapName(),
                match.gameMode(), match.matchDatetime(), Characters.eventTime(event));
    }

    /** Modern Characters say isInVehicle; kill events also carry a vehicle whose type is "" on foot. */
    private static Boolean inVehicle(JsonNode character, JsonNode vehicle) {
        Boolean flag = Characters.inVehicle(character);
        if (flag != null) {
            return flag;
        }
        if (vehicle != null && vehicle.isObject()) {
            String vehicleType = Characters.text(vehicle, "vehicleType");
            return vehicleType != null && !vehicleType.isEmpty();
        }
        return null;
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
