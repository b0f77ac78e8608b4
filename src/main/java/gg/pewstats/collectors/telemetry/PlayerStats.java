package gg.pewstats.collectors.telemetry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The telemetry's per-player values for {@code match_summaries} (item use, killsteals, throwable damage,
 * damage received, zone play), keyed by account id, filled by {@link ItemUseExtractor},
 * {@link CombatStatsExtractor} and {@link ZonePlayExtractor}.
 */
public final class PlayerStats {

    /** One player's values. */
    public static final class Player {
        int healsUsed;
        int boostsUsed;
        int throwablesUsed;
        int smokesThrown;
        int killsteals;
        double throwableDamage;
        double damageReceived;
        int blueZoneTicks;
        int zoneSamples;
        double sumFromCenter;
        double sumFromEdge;
        double maxFromCenter = Double.NEGATIVE_INFINITY;
        double minFromEdge = Double.POSITIVE_INFINITY;
    }

    /** Players with values at most (a match has 100; a hostile file may name millions): later ones are left out. */
    static final int MAX_PLAYERS = 10_000;

    /** Seconds per blue-zone damage tick, as the live system counts time outside the zone. */
    static final double SECONDS_PER_BLUE_ZONE_TICK = 1.03;

    private final Map<String, Player> players = new HashMap<>();

    /**
     * The values of a player (by account id), created on first use; null for an event without an account id,
     * and for a new player past {@link #MAX_PLAYERS}.
     */
    Player of(String accountId) {
        if (accountId == null || accountId.isEmpty()) {
            return null;
        }
        Player player = players.get(accountId);
        if (player == null && players.size() < MAX_PLAYERS) {
            player = new Player();
            players.put(accountId, player);
        }
        return player;
    }

    /**
     * One parameter map per player for the match_summaries update: every participant and every player an
     * event named. Counts are 0 for a player without such events; zone values are null for a player
     * without position samples.
     */
    public List<Map<String, Object>> summaryRows(String matchId, Collection<String> participants) {
        Set<String> ids = new LinkedHashSet<>(players.keySet());
        for (String participant : participants) {
            if (ids.size() >= MAX_PLAYERS) {
                break;
            }
            ids.add(participant);
        }
        List<Map<String, Object>> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            Player p = players.getOrDefault(id, new Player());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("match_id", matchId);
            row.put("player_id", id);
            row.put("heals_used", p.healsUsed);
            row.put("boosts_used", p.boostsUsed);
            row.put("throwables_used", p.throwablesUsed);
            row.put("smokes_thrown", p.smokesThrown);
            row.put("killsteals", p.killsteals);
            row.put("throwable_damage", round(p.throwableDamage));
            row.put("damage_received", round(p.damageReceived));
            boolean zone = p.zoneSamples > 0;
            row.put("avg_distance_from_center", zone ? round(p.sumFromCenter / p.zoneSamples) : null);
            row.put("avg_distance_from_edge", zone ? round(p.sumFromEdge / p.zoneSamples) : null);
            row.put("max_distance_from_center", zone ? round(p.maxFromCenter) : null);
            row.put("min_distance_from_edge", zone ? round(p.minFromEdge) : null);
            row.put("time_outside_zone_seconds", (int) Math.round(p.blueZoneTicks * SECONDS_PER_BLUE_ZONE_TICK));
            rows.add(row);
        }
        return rows;
    }

    static BigDecimal round(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP) : null;
    }
}
