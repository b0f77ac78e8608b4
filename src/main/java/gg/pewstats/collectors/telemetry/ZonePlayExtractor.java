package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Zone play. Each LogPlayerPosition (its {@code elapsedTime}) is set against the safe zone of the first
 * LogGameStatePeriodic at or after it (the last one for samples after the last state), as the live system
 * does: distance from the zone's centre and from its edge (negative outside), in metres. A sample whose
 * state has not come yet waits in a short queue for it (states come every few seconds); the states seen
 * are kept (a few hundred) for samples written after theirs. Nothing is read twice.
 * <ul>
 * <li>{@code match_summaries}: average and maximum distance from the centre, average and minimum distance
 * from the edge, for every player with samples; time outside the zone from the blue-zone damage ticks
 * (LogPlayerTakeDamage of category Damage_BlueZone, about 1.03 s apart).</li>
 * <li>{@code player_circle_positions}: one row per sample of a tracked player (by account id).</li>
 * </ul>
 */
public final class ZonePlayExtractor implements Extractor {

    /** Samples waiting for their state; past this many the oldest is set against the latest state seen. */
    static final int MAX_WAITING = 100_000;
    /** States kept for samples that arrive after their state; a match has a few hundred. */
    static final int MAX_STATES = 100_000;

    private record Sample(int eventIndex, String accountId, String name, double elapsed, double x, double y) {
    }

    private final MatchContext match;
    private final PlayerStats stats;
    /** Safe-zone states seen so far, in file (time) order: elapsed, centre x, y, radius (cm). */
    private final List<double[]> states = new ArrayList<>();
    private final ArrayDeque<Sample> waiting = new ArrayDeque<>();
    private double[] zone;
    private final TableRows rows = new TableRows("player_circle_positions", List.of("match_id", "event_index",
            "player_id", "player_name", "elapsed_time", "player_x", "player_y", "safe_zone_center_x",
            "safe_zone_center_y", "safe_zone_radius", "distance_from_center", "distance_from_edge", "is_in_safe_zone"));

    public ZonePlayExtractor(MatchContext match, MatchState state) {
        this.match = match;
        this.stats = state.players();
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogGameStatePeriodic", "LogPlayerPosition", "LogPlayerTakeDamage");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        switch (Characters.text(event, "_T")) {
            case "LogGameStatePeriodic" -> state(event.get("gameState"));
            case "LogPlayerPosition" -> {
                JsonNode character = character(event.get("character"));
                Double elapsed = Characters.number(event, "elapsedTime");
                Double x = Characters.x(character);
                Double y = Characters.y(character);
                String accountId = Characters.accountId(character);
                if (elapsed == null || x == null || y == null || accountId == null) {
                    return;
                }
                Sample sample = new Sample(eventIndex, accountId, Characters.name(character), elapsed, x, y);
                if (zone != null && elapsed <= zone[0]) {
                    // its state has been seen already (a state and the samples of the same second)
                    place(sample, firstStateAtOrAfter(elapsed));
                    return;
                }
                waiting.add(sample);
                if (waiting.size() > MAX_WAITING) {
                    Sample oldest = waiting.poll();
                    if (zone != null) {
                        place(oldest, zone);
                    }
                }
            }
            default -> {
                if ("Damage_BlueZone".equals(Characters.text(event, "damageTypeCategory"))) {
                    PlayerStats.Player victim = stats.of(Characters.accountId(character(event.get("victim"))));
                    if (victim != null) {
                        victim.blueZoneTicks++;
                    }
                }
            }
        }
    }

    private void state(JsonNode state) {
        Double elapsed = Characters.number(state, "elapsedTime");
        JsonNode centre = state == null ? null : state.get("safetyZonePosition");
        Double x = Characters.number(centre, "x");
        Double y = Characters.number(centre, "y");
        Double radius = Characters.number(state, "safetyZoneRadius");
        if (elapsed == null || x == null || y == null || radius == null || radius <= 0) {
            return;
        }
        zone = new double[] {elapsed, x, y, radius};
        if (states.size() < MAX_STATES) {
            states.add(zone);
        }
        while (!waiting.isEmpty() && waiting.peek().elapsed() <= elapsed) {
            place(waiting.poll(), zone);
        }
    }

    private double[] firstStateAtOrAfter(double elapsed) {
        int low = 0;
        int high = states.size() - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (states.get(mid)[0] >= elapsed) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return states.isEmpty() || states.get(low)[0] < elapsed ? zone : states.get(low);
    }

    private void place(Sample sample, double[] zone) {
        double dx = sample.x() - zone[1];
        double dy = sample.y() - zone[2];
        double fromCentreCm = Math.sqrt(dx * dx + dy * dy);
        double fromCentre = fromCentreCm / 100.0;
        double fromEdge = (zone[3] - fromCentreCm) / 100.0;
        PlayerStats.Player player = stats.of(sample.accountId());
        if (player != null) {
            player.zoneSamples++;
            player.sumFromCenter += fromCentre;
            player.sumFromEdge += fromEdge;
            player.maxFromCenter = Math.max(player.maxFromCenter, fromCentre);
            player.minFromEdge = Math.min(player.minFromEdge, fromEdge);
        }
        if (match.trackedPlayers().contains(sample.accountId())) {
            rows.add(match.matchId(), sample.eventIndex(), sample.accountId(), sample.name(), (int) sample.elapsed(),
                    sample.x() / 100.0, sample.y() / 100.0, zone[1] / 100.0, zone[2] / 100.0, zone[3] / 100.0,
                    fromCentre, fromEdge, fromEdge >= 0);
        }
    }

    @Override
    public void finish() {
        // samples after the last state: the last state seen
        while (!waiting.isEmpty()) {
            Sample sample = waiting.poll();
            if (zone != null) {
                place(sample, zone);
            }
        }
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
