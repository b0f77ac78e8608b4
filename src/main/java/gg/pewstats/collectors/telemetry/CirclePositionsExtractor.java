package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * {@code circle_positions} from LogGameStatePeriodic: one row per zone phase. A phase begins when a new
 * white circle (poisonGasWarning position and radius) is announced; the row keeps that circle's centre
 * and radius, when it was first seen ({@code game_time}, and {@code elapsed_time} in seconds since the
 * start) and the blue zone (safetyZone) at that moment.
 */
public final class CirclePositionsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("circle_positions", List.of("match_id", "phase_num", "center_x",
            "center_y", "radius", "elapsed_time", "safe_center_x", "safe_center_y", "safe_radius", "alive_players",
            "is_game", "map_name", "match_type", "match_date", "game_time"));
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;
    private double lastRadius = Double.NaN;
    private int phase;

    public CirclePositionsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogGameStatePeriodic");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        JsonNode state = event.get("gameState");
        if (state == null) {
            return;
        }
        Double radius = Characters.number(state, "poisonGasWarningRadius");
        JsonNode center = state.get("poisonGasWarningPosition");
        Double x = Characters.number(center, "x");
        Double y = Characters.number(center, "y");
        if (radius == null || radius <= 0 || x == null || y == null) {
            return;
        }
        if (x == lastX && y == lastY && radius == lastRadius) {
            return;
        }
        lastX = x;
        lastY = y;
        lastRadius = radius;
        phase++;
        JsonNode safe = state.get("safetyZonePosition");
        rows.add(match.matchId(), phase, x, y, radius, Characters.number(state, "elapsedTime"),
                Characters.number(safe, "x"), Characters.number(safe, "y"), Characters.number(state, "safetyZoneRadius"),
                Characters.integer(state, "numAlivePlayers"), Characters.isGame(event), match.mapName(),
                match.gameType(), match.matchDatetime(), Characters.eventTime(event));
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
