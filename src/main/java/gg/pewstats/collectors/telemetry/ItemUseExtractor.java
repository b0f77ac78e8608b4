package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * {@code match_summaries.heals_used, boosts_used, throwables_used, smokes_thrown}. Heals and boosts are
 * LogItemUse of the six consumables the live system counts; throwables are LogPlayerUseThrowable, one
 * event per throw (the live system read every LogPlayerAttack for them), novelty throwables (snowball,
 * apple) left out; smoke grenades also count as smokes.
 */
public final class ItemUseExtractor implements EventReader {

    static final Set<String> HEALS = Set.of("Item_Heal_FirstAid_C", "Item_Heal_MedKit_C", "Item_Heal_Bandage_C");
    static final Set<String> BOOSTS = Set.of("Item_Boost_EnergyDrink_C", "Item_Boost_PainKiller_C",
            "Item_Boost_AdrenalineSyringe_C");
    static final Set<String> NOVELTY_THROWABLES = Set.of("Item_Weapon_Snowball_C", "Item_Weapon_Apple_C");
    static final String SMOKE = "Item_Weapon_SmokeBomb_C";

    private final PlayerStats stats;

    public ItemUseExtractor(MatchState state) {
        this.stats = state.players();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogItemUse", "LogPlayerUseThrowable");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        if ("LogItemUse".equals(Characters.text(event, "_T"))) {
            String item = Characters.text(event.get("item"), "itemId");
            boolean heal = HEALS.contains(item);
            if (heal || BOOSTS.contains(item)) {
                PlayerStats.Player player = stats.of(Characters.accountId(character(event.get("character"))));
                if (player != null && heal) {
                    player.healsUsed++;
                } else if (player != null) {
                    player.boostsUsed++;
                }
            }
            return;
        }
        String weapon = Characters.text(event.get("weapon"), "itemId");
        PlayerStats.Player player = stats.of(Characters.accountId(character(event.get("attacker"))));
        if (player == null || weapon == null || NOVELTY_THROWABLES.contains(weapon)) {
            return;
        }
        player.throwablesUsed++;
        if (SMOKE.equals(weapon)) {
            player.smokesThrown++;
        }
    }
}
