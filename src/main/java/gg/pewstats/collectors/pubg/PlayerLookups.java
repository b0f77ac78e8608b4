package gg.pewstats.collectors.pubg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the tracked players into players-endpoint calls (at most 10 each, by account id once it is known,
 * by name otherwise) and reads the answers: the players found and the ids of their recent matches.
 */
public final class PlayerLookups {

    private static final Logger LOG = LoggerFactory.getLogger(PlayerLookups.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One players call: {@code filter[playerIds]} or {@code filter[playerNames]} with its values. */
    public record Batch(String filter, List<String> values) {

        /** The query string, encoded (names are case-sensitive and sent as they are). */
        public String query() {
            return URLEncoder.encode("filter[" + filter + "]", StandardCharsets.UTF_8) + "="
                    + values.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8))
                            .collect(Collectors.joining(","));
        }
    }

    /** A player the API returned. */
    public record Player(String accountId, String name) {
    }

    /** What one players call found. */
    public record Lookup(Batch batch, List<Player> players, Set<String> matchIds) {
    }

    private final int batchSize;

    public PlayerLookups(int batchSize) {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("discovery.batch-size must be between 1 and 10, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /** Rows of {@code players} (player_id, player_name) to calls; bots ({@code ai.}) are never looked up. */
    public List<Batch> batches(List<Map<String, Object>> players) {
        List<String> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : players) {
            String id = (String) row.get("player_id");
            String name = (String) row.get("player_name");
            if (id != null && id.startsWith("ai.")) {
                continue;
            }
            if (id != null && id.startsWith("account.")) {
                ids.add(id);
            } else if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        List<Batch> batches = new ArrayList<>();
        chunk(ids, "playerIds", batches);
        chunk(names, "playerNames", batches);
        return batches;
    }

    private void chunk(List<String> values, String filter, List<Batch> into) {
        for (int i = 0; i < values.size(); i += batchSize) {
            into.add(new Batch(filter, List.copyOf(values.subList(i, Math.min(values.size(), i + batchSize)))));
        }
    }

    /** Reads a 200 answer; names or ids asked for but not returned are logged and skipped. */
    public Lookup read(Batch batch, String body) throws IOException {
        JsonNode root = JSON.readTree(body);
        List<Player> players = new ArrayList<>();
        Set<String> matchIds = new LinkedHashSet<>();
        Set<String> found = new LinkedHashSet<>();
        for (JsonNode player : root.path("data")) {
            String id = player.path("id").asText();
            String name = player.path("attributes").path("name").asText();
            players.add(new Player(id, name));
            found.add("playerIds".equals(batch.filter()) ? id : name);
            for (JsonNode match : player.path("relationships").path("matches").path("data")) {
                matchIds.add(match.path("id").asText());
            }
        }
        List<String> missing = batch.values().stream().filter(v -> !found.contains(v)).toList();
        if (!missing.isEmpty()) {
            LOG.warn("PUBG API did not return {} player(s) asked for by {}: {} (skipped)", missing.size(),
                    batch.filter(), missing);
        }
        return new Lookup(batch, players, matchIds);
    }

    /** The players a call found, as rows (player_id, player_name) for the players statements. */
    public List<Map<String, Object>> rows(Lookup lookup) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        for (Player player : lookup.players()) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("player_id", player.accountId());
            row.put("player_name", player.name());
            rows.add(row);
        }
        return rows;
    }

    /** A 404: none of the batch's players exist on this shard. */
    public Lookup notFound(Batch batch) {
        LOG.warn("PUBG API found none of {} player(s) asked for by {}: {} (skipped)", batch.values().size(),
                batch.filter(), batch.values());
        return new Lookup(batch, List.of(), Set.of());
    }
}
