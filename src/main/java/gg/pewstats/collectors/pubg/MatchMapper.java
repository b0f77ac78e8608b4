package gg.pewstats.collectors.pubg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code GET /matches/{id}} response (JSON:API) into the row of {@code matches} and one row of
 * {@code match_summaries} per participant. Rosters give each participant's team id, rank and whether the
 * team won; the telemetry URL comes from the asset named by {@code data.relationships.assets}.
 */
public final class MatchMapper {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A parsed match: its {@code matches} row and its participants' {@code match_summaries} rows. */
    public record MatchData(Map<String, Object> match, List<Map<String, Object>> summaries) {

        public String matchId() {
            return (String) match.get("match_id");
        }
    }

    public MatchData parse(String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        JsonNode data = root.path("data");
        String matchId = data.path("id").asText(null);
        if (matchId == null || matchId.isEmpty()) {
            throw new IOException("match response has no data.id");
        }
        JsonNode attributes = data.path("attributes");
        Map<String, JsonNode> included = new HashMap<>();
        for (JsonNode node : root.path("included")) {
            included.put(node.path("type").asText() + "/" + node.path("id").asText(), node);
        }

        Map<String, Object> match = new LinkedHashMap<>();
        match.put("match_id", matchId);
        match.put("map_name", GameNames.mapDisplayName(text(attributes, "mapName")));
        // the internal name (Baltic_Main) as well: the tournament tables keep it, as live
        match.put("raw_map_name", text(attributes, "mapName"));
        match.put("game_mode", text(attributes, "gameMode"));
        match.put("game_type", text(attributes, "matchType"));
        match.put("match_datetime", timestamp(text(attributes, "createdAt")));
        match.put("duration", integer(attributes, "duration"));
        match.put("is_custom_match", attributes.hasNonNull("isCustomMatch") ? attributes.get("isCustomMatch").asBoolean() : null);
        match.put("shard_id", text(attributes, "shardId"));
        match.put("season_state", text(attributes, "seasonState"));
        match.put("title_id", text(attributes, "titleId"));
        match.put("telemetry_url", telemetryUrl(data, included));

        Map<String, JsonNode> rosterOf = new HashMap<>();
        for (JsonNode ref : data.path("relationships").path("rosters").path("data")) {
            JsonNode roster = included.get("roster/" + ref.path("id").asText());
            if (roster == null) {
                continue;
            }
            for (JsonNode member : roster.path("relationships").path("participants").path("data")) {
                rosterOf.put(member.path("id").asText(), roster);
            }
        }

        List<Map<String, Object>> summaries = new ArrayList<>();
        for (JsonNode node : root.path("included")) {
            if (!"participant".equals(node.path("type").asText())) {
                continue;
            }
            summaries.add(summary(match, node, rosterOf.get(node.path("id").asText())));
        }
        return new MatchData(match, summaries);
    }

    private static Map<String, Object> summary(Map<String, Object> match, JsonNode participant, JsonNode roster) {
        JsonNode stats = participant.path("attributes").path("stats");
        String playerId = text(stats, "playerId");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("match_id", match.get("match_id"));
        row.put("participant_id", participant.path("id").asText());
        row.put("player_id", playerId);
        row.put("player_name", text(stats, "name"));
        row.put("is_bot", playerId != null && playerId.startsWith("ai."));
        JsonNode rosterStats = roster == null ? null : roster.path("attributes").path("stats");
        row.put("team_id", rosterStats == null ? null : integer(rosterStats, "teamId"));
        row.put("team_rank", rosterStats == null ? null : integer(rosterStats, "rank"));
        // The API sends "won" as the string "true"/"false".
        row.put("won", roster == null ? null : Boolean.valueOf(roster.path("attributes").path("won").asText("false")));
        for (String key : List.of("map_name", "game_mode", "match_datetime", "shard_id", "is_custom_match",
                "season_state", "title_id")) {
            row.put(key, match.get(key));
        }
        // the live match_summaries call the API's matchType match_type and the duration match_duration
        row.put("match_type", match.get("game_type"));
        row.put("match_duration", match.get("duration"));
        row.put("dbnos", integer(stats, "DBNOs"));
        row.put("assists", integer(stats, "assists"));
        row.put("boosts", integer(stats, "boosts"));
        row.put("heals", integer(stats, "heals"));
        row.put("damage_dealt", decimal(stats, "damageDealt"));
        row.put("death_type", text(stats, "deathType"));
        row.put("headshot_kills", integer(stats, "headshotKills"));
        row.put("kill_place", integer(stats, "killPlace"));
        row.put("kill_streaks", integer(stats, "killStreaks"));
        row.put("kills", integer(stats, "kills"));
        row.put("longest_kill", decimal(stats, "longestKill"));
        row.put("revives", integer(stats, "revives"));
        row.put("ride_distance", decimal(stats, "rideDistance"));
        row.put("road_kills", integer(stats, "roadKills"));
        row.put("swim_distance", decimal(stats, "swimDistance"));
        row.put("team_kills", integer(stats, "teamKills"));
        row.put("time_survived", decimal(stats, "timeSurvived"));
        row.put("vehicle_destroys", integer(stats, "vehicleDestroys"));
        row.put("walk_distance", decimal(stats, "walkDistance"));
        row.put("weapons_acquired", integer(stats, "weaponsAcquired"));
        row.put("win_place", integer(stats, "winPlace"));
        return row;
    }

    private static String telemetryUrl(JsonNode data, Map<String, JsonNode> included) {
        for (JsonNode ref : data.path("relationships").path("assets").path("data")) {
            JsonNode asset = included.get("asset/" + ref.path("id").asText());
            if (asset != null && asset.path("attributes").hasNonNull("URL")) {
                return asset.path("attributes").get("URL").asText();
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : (int) Math.round(value.asDouble());
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asDouble();
    }

    private static OffsetDateTime timestamp(String iso) {
        return iso == null ? null : OffsetDateTime.parse(iso);
    }
}
