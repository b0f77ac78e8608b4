package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code kill_positions} from LogPlayerKillV2 (victim, knocker, finisher and killer, each with position and
 * the damage that did it; any of them may be null) and from V1 LogPlayerKill (killer and victim only).
 * Field names as the official schema spells them: dBNOMaker, dBNODamageInfo, finisher, finishDamageInfo.
 */
public final class KillPositionsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("kill_positions", List.of("match_id", "event_index",
            "event_version", "attack_id", "dbno_id", "victim_id", "victim_name", "victim_team_id", "victim_is_bot",
            "victim_x_location", "victim_y_location", "victim_z_location", "victim_in_blue_zone",
            "victim_in_red_zone", "victim_in_vehicle", "killed_in_zone",
            "dbno_maker_id", "dbno_maker_name", "dbno_maker_team_id", "dbno_maker_x_location",
            "dbno_maker_y_location", "dbno_maker_z_location", "dbno_maker_zone",
            "dbno_damage_reason", "dbno_damage_category", "dbno_damage_causer_name", "dbno_damage_causer_distance",
            "finisher_id", "finisher_name", "finisher_team_id", "finisher_x_location", "finisher_y_location",
            "finisher_z_location", "finisher_zone", "finisher_damage_reason", "finisher_damage_category",
            "finisher_damage_causer_name", "finisher_damage_causer_distance",
            "killer_id", "killer_name", "killer_team_id", "killer_is_bot", "killer_x_location", "killer_y_location",
            "killer_z_location", "killer_damage_reason", "killer_damage_category", "killer_damage_causer_name",
            "killer_damage_causer_distance", "is_suicide", "is_game", "map_name", "game_mode", "game_type",
            "match_datetime", "event_timestamp"));

    public KillPositionsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerKillV2", "LogPlayerKill");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        boolean v2 = "LogPlayerKillV2".equals(Characters.text(event, "_T"));
        JsonNode victim = character(event.get("victim"));
        JsonNode killer = character(event.get("killer"));
        JsonNode maker = v2 ? character(event.get("dBNOMaker")) : null;
        JsonNode finisher = v2 ? character(event.get("finisher")) : null;
        JsonNode makerDamage = v2 ? event.get("dBNODamageInfo") : null;
        JsonNode finishDamage = v2 ? event.get("finishDamageInfo") : null;
        // V1 carries the killing damage on the event itself
        JsonNode killerDamage = v2 ? event.get("killerDamageInfo") : event;
        Boolean suicide = v2 ? Characters.bool(event, "isSuicide") : null;
        rows.add(match.matchId(), eventIndex, (short) (v2 ? 2 : 1), Characters.longValue(event, "attackId"),
                Characters.longValue(event, "dBNOId"),
                Characters.accountId(victim), Characters.name(victim), Characters.teamId(victim), Characters.isBot(victim),
                Characters.x(victim), Characters.y(victim), Characters.z(victim), Characters.inBlueZone(victim),
                Characters.inRedZone(victim), Characters.inVehicle(victim, v2 ? event.get("victimVehicle") : null),
                Characters.zone(victim),
                Characters.accountId(maker), Characters.name(maker), Characters.teamId(maker), Characters.x(maker),
                Characters.y(maker), Characters.z(maker), Characters.zone(maker),
                Characters.text(makerDamage, "damageReason"), Characters.text(makerDamage, "damageTypeCategory"),
                Characters.text(makerDamage, "damageCauserName"), Characters.number(makerDamage, "distance"),
                Characters.accountId(finisher), Characters.name(finisher), Characters.teamId(finisher), Characters.x(finisher),
                Characters.y(finisher), Characters.z(finisher), Characters.zone(finisher),
                Characters.text(finishDamage, "damageReason"), Characters.text(finishDamage, "damageTypeCategory"),
                Characters.text(finishDamage, "damageCauserName"), Characters.number(finishDamage, "distance"),
                Characters.accountId(killer), Characters.name(killer), Characters.teamId(killer), Characters.isBot(killer),
                Characters.x(killer), Characters.y(killer), Characters.z(killer),
                Characters.text(killerDamage, "damageReason"), Characters.text(killerDamage, "damageTypeCategory"),
                Characters.text(killerDamage, "damageCauserName"), Characters.number(killerDamage, "distance"),
                suicide, Characters.isGame(event), match.mapName(), match.gameMode(), match.gameType(),
                match.matchDatetime(), Characters.eventTime(event));
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
