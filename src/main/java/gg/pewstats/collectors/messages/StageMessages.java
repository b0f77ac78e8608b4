package gg.pewstats.collectors.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON messages between stages (snake_case, as the seeds define them): built from stored facts,
 * and read back with validation. Unknown extra fields are accepted; a missing or wrongly typed required
 * field is an {@link InvalidMessageException} naming the field.
 */
public final class StageMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code match.discovered}: match_id, map_name, game_mode, match_datetime, telemetry_url. */
    public Map<String, Object> discovered(MatchData match) {
        return discoveredFromStore(match.match());
    }

    /** {@code match.discovered} from a match's stored facts (a match driven again). */
    public Map<String, Object> discoveredFromStore(Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", facts.get("match_id"));
        m.put("map_name", facts.get("map_name"));
        m.put("game_mode", facts.get("game_mode"));
        m.put("match_datetime", iso(facts.get("match_datetime")));
        m.put("telemetry_url", facts.get("telemetry_url"));
        return m;
    }

    /** {@code match.telemetry}: what the download stage needs, from a freshly stored match. */
    public Map<String, Object> summaryComplete(MatchData match, int participantCount) {
        Map<String, Object> facts = new LinkedHashMap<>(match.match());
        facts.put("participant_count", participantCount);
        return summaryCompleteFromStore(facts);
    }

    /** {@code match.telemetry}: the same message, from facts stored earlier (a re-delivered or re-driven match). */
    public Map<String, Object> summaryCompleteFromStore(Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", facts.get("match_id"));
        m.put("telemetry_url", facts.get("telemetry_url"));
        m.put("participant_count", facts.get("participant_count"));
        m.put("map_name", facts.get("map_name"));
        m.put("game_mode", facts.get("game_mode"));
        m.put("match_datetime", iso(facts.get("match_datetime")));
        return m;
    }

    /** Reads and checks a {@code match.discovered} message. */
    public Map<String, Object> readDiscovered(String body) {
        JsonNode node = read(body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", matchId(node));
        m.put("map_name", requiredText(node, "map_name"));
        m.put("game_mode", requiredText(node, "game_mode"));
        m.put("match_datetime", requiredTimestamp(node, "match_datetime"));
        m.put("telemetry_url", optionalText(node, "telemetry_url"));
        return m;
    }

    /** Reads and checks a {@code match.telemetry} message (the telemetry URL is checked by {@link TelemetryUrls}). */
    public Map<String, Object> readSummaryComplete(String body) {
        JsonNode node = read(body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", matchId(node));
        m.put("telemetry_url", requiredText(node, "telemetry_url"));
        m.put("map_name", optionalText(node, "map_name"));
        m.put("game_mode", optionalText(node, "game_mode"));
        m.put("match_datetime", optionalText(node, "match_datetime"));
        return m;
    }

    /** {@code match.processing.telemetry}: where the file is, for the extraction stage. */
    public Map<String, Object> processing(Map<String, Object> summaryComplete, Map<String, Object> file,
            String workerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", summaryComplete.get("match_id"));
        m.put("file_path", file.get("file_path"));
        m.put("file_size_mb", file.get("file_size_mb"));
        m.put("map_name", summaryComplete.get("map_name"));
        m.put("game_mode", summaryComplete.get("game_mode"));
        m.put("match_datetime", iso(summaryComplete.get("match_datetime")));
        m.put("downloaded_at", OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        m.put("worker_id", workerId);
        return m;
    }

    /**
     * Reads and checks a {@code match.processing.telemetry} message. Its file_path is informational: the
     * file is always read from the store's own path for the match id, never from a path a message names.
     */
    public Map<String, Object> readProcessing(String body) {
        JsonNode node = read(body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", matchId(node));
        m.put("file_path", optionalText(node, "file_path"));
        return m;
    }

    /**
     * Reads and checks a {@code match.completed} message for the stats aggregation: only its match id is
     * used (the aggregates are computed from the stored rows, never from what a message says).
     */
    public Map<String, Object> readCompleted(String body) {
        JsonNode node = read(body);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", matchId(node));
        return m;
    }

    /** {@code match.completed}: the match, the tracked players in it and the rows written per table. */
    public Map<String, Object> completed(gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction extraction,
            String workerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", extraction.matchId());
        m.put("map_name", extraction.match().mapName());
        m.put("game_mode", extraction.match().gameMode());
        m.put("tracked_player_ids", extraction.trackedPlayersFound());
        m.put("rows", extraction.rowCounts());
        m.put("events", extraction.summary().events());
        m.put("worker_id", workerId);
        return m;
    }

    static JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidMessageException("empty message body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidMessageException("message is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessageException("message is not a JSON object");
        }
        return node;
    }

    static String matchId(JsonNode node) {
        return MatchIds.requireSafe(requiredText(node, "match_id"));
    }

    static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidMessageException("missing required field '" + field + "'");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InvalidMessageException("field '" + field + "' must be a non-empty string, was "
                    + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidMessageException("field '" + field + "' must be a string, was "
                    + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    static String requiredTimestamp(JsonNode node, String field) {
        String text = requiredText(node, field);
        try {
            OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException("field '" + field + "' is not an ISO-8601 timestamp: " + text);
        }
        return text;
    }

    /** ISO-8601 in UTC, whether the time comes from a message (text), the mapper or a database row. */
    private static String iso(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC).toString();
        }
        return value == null ? null : value.toString();
    }
}
