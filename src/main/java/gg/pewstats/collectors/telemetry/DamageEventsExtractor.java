package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code player_damage_events} from LogPlayerTakeDamage. The attacker is null for zone and environment
 * damage. With the tracked-players filter on (the default), only events where the attacker or the victim
 * is a tracked player are kept.
 */
public final class DamageEventsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("player_damage_events", List.of("match_id", "event_index",
            "attack_id", "attacker_id", "attacker_name", "attacker_team_id", "attacker_health",
            "attacker_location_x", "attacker_location_y", "attacker_location_z", "victim_id", "victim_name",
            "victim_team_id", "victim_health", "victim_location_x", "victim_location_y", "victim_location_z",
            "damage_type_category", "damage_reason", "damage", "weapon_id", "is_through_wall", "is_game",
            "event_timestamp"));

    public DamageEventsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerTakeDamage");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        JsonNode attacker = character(event.get("attacker"));
        JsonNode victim = character(event.get("victim"));
        String attackerId = Characters.accountId(attacker);
        String victimId = Characters.accountId(victim);
        if (match.damageOfTrackedOnly() && !isTracked(attackerId) && !isTracked(victimId)) {
            return;
        }
        rows.add(match.matchId(), eventIndex, Characters.longValue(event, "attackId"),
                attackerId, Characters.name(attacker), Characters.teamId(attacker), Characters.health(attacker),
                Characters.x(attacker), Characters.y(attacker), Characters.z(attacker),
                victimId, Characters.name(victim), Characters.teamId(victim), Characters.health(victim),
                Characters.x(victim), Characters.y(victim), Characters.z(victim),
                Characters.text(event, "damageTypeCategory"), Characters.text(event, "damageReason"),
                Characters.number(event, "damage"), Characters.text(event, "damageCauserName"),
                Characters.bool(event, "isThroughPenetrableWall"), Characters.isGame(event), Characters.eventTime(event));
    }

    private boolean isTracked(String accountId) {
        return accountId != null && match.trackedPlayers().contains(accountId);
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
