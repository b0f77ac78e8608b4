package gg.pewstats.collectors.tournament;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What tournament discovery decides about a fetched match, and its participants as JSON for the
 * tournament-store-participants.sql statement. Which matches count: custom matches of the configured game
 * mode; whether one falls inside a tournament season is asked of the database by the route.
 */
public final class TournamentMatches {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gameMode;

    public TournamentMatches(String gameMode) {
        this.gameMode = gameMode;
    }

    /** Why the match is not a tournament match, or null when it may be one. */
    public String rejection(MatchData match) {
        Object type = match.match().get("game_type");
        Object mode = match.match().get("game_mode");
        if (!"custom".equals(type)) {
            return "not a custom match (matchType " + type + ")";
        }
        if (!gameMode.equals(mode)) {
            return "game mode " + mode + ", not " + gameMode + " (tournament.game-mode)";
        }
        if (match.summaries().isEmpty()) {
            return "no participants";
        }
        return null;
    }

    /** The participant rows as a JSON array, times as ISO-8601 text. */
    public String rowsJson(MatchData match) throws JsonProcessingException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> summary : match.summaries()) {
            Map<String, Object> row = new LinkedHashMap<>(summary);
            row.replaceAll((key, value) -> value instanceof java.time.temporal.TemporalAccessor ? value.toString() : value);
            rows.add(row);
        }
        return JSON.writeValueAsString(rows);
    }
}
