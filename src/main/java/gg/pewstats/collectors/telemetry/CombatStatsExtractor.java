package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * {@code match_summaries.damage_received, throwable_damage, killsteals}. Damage received is every
 * LogPlayerTakeDamage of the victim (zone, fall and self damage included); throwable damage is the
 * attacker's damage whose causer is in the Throwable category ({@link WeaponCategories}); a killsteal is
 * a LogPlayerKillV2 of a knocked player whose knock (the match's knocks, {@link MatchState}) was made by
 * another team than the killer's.
 */
public final class CombatStatsExtractor implements EventReader {

    private final MatchState state;
    private final PlayerStats stats;

    public CombatStatsExtractor(MatchState state) {
        this.state = state;
        this.stats = state.players();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerTakeDamage", "LogPlayerKillV2");
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
            default -> {
                JsonNode killer = character(event.get("killer"));
                MatchState.Knock knock = state.knockOf(Characters.longValue(event, "dBNOId"));
                Integer knockTeam = knock == null ? null : knock.attackerTeamId;
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
