package gg.pewstats.collectors.messages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON messages between stages (snake_case, as the seeds define them): built from stored facts,
 * and read back with validation. Unknown extra fields are accepted; a missing or wrongly typed required
 * field is an {@link InvalidMessageException} naming the field.
 */
public final class StageMessages {

    /** A match id becomes a folder name later on: letters, digits, dot, dash and underscore only. */
    private static final Pattern MATCH_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code match.discovered}: match_id, map_name, game_mode, match_datetime, telemetry_url. */
    public Map<String, Object> discovered(MatchData match) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", match.matchId());
        m.put("map_name", match.match().get("map_name"));
        m.put("game_mode", match.match().get("game_mode"));
        m.put("match_datetime", iso(match.match().get("match_datetime")));
        m.put("telemetry_url", match.match().get("telemetry_url"));
        return m;
    }

    /** {@code match.telemetry}: what the download stage needs, from a freshly stored match. */
    public Map<String, Object> summaryComplete(MatchData match, int participantCount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("match_id", match.matchId());
        m.put("telemetry_url", match.match().get("telemetry_url"));
        m.put("participant_count", participantCount);
        m.put("map_name", match.match().get("map_name"));
        m.put("game_mode", match.match().get("game_mode"));
        m.put("match_datetime", iso(match.match().get("match_datetime")));
        return m;
    }

    /** {@code match.telemetry}: the same message, from facts stored earlier (a re-delivered match). */
    public Map<String, Object> summaryCompleteFromStore(Map<String, Object> facts) {
        Map<String, Object> m = new LinkedHashMap<>(facts);
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
        String id = requiredText(node, "match_id");
        if (!MATCH_ID.matcher(id).matches() || id.contains("..")) {
            throw new InvalidMessageException("field 'match_id' is not a safe match id: "
                    + id.replaceAll("\\p{Cntrl}", "?"));
        }
        return id;
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

    private static String iso(Object value) {
        return value == null ? null : value.toString();
    }
}
