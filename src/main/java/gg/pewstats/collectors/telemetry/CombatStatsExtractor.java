package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code match_summaries.damage_received, throwable_damage, killsteals}. Damage received is every
 * LogPlayerTakeDamage of the victim (zone, fall and self damage included); throwable damage is the
 * attacker's damage whose causer is in the Throwable category ({@link WeaponCategories}); a killsteal is
 * a LogPlayerKillV2 of a knocked player whose knock was made by another team than the killer's.
 */
public final class CombatStatsExtractor implements EventReader {

    private final PlayerStats stats;
    /** dBNOId to the knocking team, from LogPlayerMakeGroggy */
    private final Map<Long, Integer> knockTeams = new HashMap<>();

    public CombatStatsExtractor(MatchState state) {
        this.stats = state.players();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerTakeDamage", "LogPlayerMakeGroggy", "LogPlayerKillV2");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        switch (Characters.text(event, "_T")) {
            case "LogPlayerTakeDamage" -> {
                Double damage = Characters.number(event, "damage");
                if (damage == null || !Double.isFinite(damage)) {
                    return;
                }
                PlayerStats.Player victim = stats.of(Characters.accountId(character(event.get("victim"))));
                if (victim != null) {
                    victim.damageReceived += damage;
                }
                if (WeaponCategories.THROWABLE.equals(WeaponCategories.of(Characters.text(event, "damageCauserName")))) {
                    PlayerStats.Player attacker = stats.of(Characters.accountId(character(event.get("attacker"))));
                    if (attacker != null) {
                        attacker.throwableDamage += damage;
                    }
                }
            }
            case "LogPlayerMakeGroggy" -> {
                Long dbnoId = Characters.longValue(event, "dBNOId");
                Integer team = Characters.teamId(character(event.get("attacker")));
                if (dbnoId != null && team != null) {
                    knockTeams.put(dbnoId, team);
                }
            }
            default -> {
                Long dbnoId = Characters.longValue(event, "dBNOId");
                JsonNode killer = character(event.get("killer"));
                Integer knockTeam = dbnoId == null ? null : knockTeams.get(dbnoId);
                Integer killerTeam = Characters.teamId(killer);
                if (knockTeam != null && killerTeam != null && !knockTeam.equals(killerTeam)) {
                    PlayerStats.Player player = stats.of(Characters.accountId(killer));
                    if (player != null) {
                        player.killsteals++;
                    }
                }
            }
        }
    }
}
