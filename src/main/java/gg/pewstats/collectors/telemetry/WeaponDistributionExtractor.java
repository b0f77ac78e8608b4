package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code player_match_weapon_distribution}: per player (by name) and weapon category
 * ({@link WeaponCategories}), the damage dealt (LogPlayerTakeDamage by the attacker), the knocks
 * (LogPlayerMakeGroggy by the attacker) and the kills (LogPlayerKillV2 by the killer, with the weapon of its
 * {@code killerDamageInfo}; the live system read a top-level damageCauserName that V2 kills do not have, so
 * it counted no kills; V1 LogPlayerKill carries it at the top level).
 */
public final class WeaponDistributionExtractor implements Extractor {

    private final MatchContext match;
    private final Map<String, Map<String, double[]>> players = new LinkedHashMap<>();
    private final TableRows rows = new TableRows("player_match_weapon_distribution", List.of("match_id",
            "player_name", "weapon_category", "total_damage", "total_kills", "knock_downs"));

    public WeaponDistributionExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerTakeDamage", "LogPlayerMakeGroggy", "LogPlayerKillV2", "LogPlayerKill");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        switch (Characters.text(event, "_T")) {
            case "LogPlayerTakeDamage" -> {
                Double damage = Characters.number(event, "damage");
                if (damage != null && Double.isFinite(damage)) {
                    add(character(event.get("attacker")), Characters.text(event, "damageCauserName"), 0, damage);
                }
            }
            case "LogPlayerMakeGroggy" -> add(character(event.get("attacker")), Characters.text(event, "damageCauserName"), 2, 1);
            case "LogPlayerKillV2" -> add(character(event.get("killer")),
                    Characters.text(event.get("killerDamageInfo"), "damageCauserName"), 1, 1);
            default -> add(character(event.get("killer")), Characters.text(event, "damageCauserName"), 1, 1);
        }
    }

    /** Adds to one of damage (0), kills (1), knocks (2) of the player's category. */
    private void add(JsonNode character, String causer, int field, double amount) {
        String name = Characters.name(character);
        if (name == null || name.isEmpty()) {
            return;
        }
        players.computeIfAbsent(name, n -> new LinkedHashMap<>())
                .computeIfAbsent(WeaponCategories.of(causer), c -> new double[3])[field] += amount;
    }

    @Override
    public void finish() {
        for (Map.Entry<String, Map<String, double[]>> player : players.entrySet()) {
            for (Map.Entry<String, double[]> category : player.getValue().entrySet()) {
                double[] v = category.getValue();
                rows.add(match.matchId(), player.getKey(), category.getKey(), PlayerStats.round(v[0]), (int) v[1],
                        (int) v[2]);
            }
        }
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
