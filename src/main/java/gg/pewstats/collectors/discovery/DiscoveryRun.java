package gg.pewstats.collectors.discovery;

import gg.pewstats.collectors.pubg.PlayerLookups.Lookup;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Gathers the answers of one discovery run's players calls: the de-duplicated match ids (squads share
 * matches) and the counts the run's summary line reports.
 */
public final class DiscoveryRun implements AggregationStrategy {

    public static final String CALLS = gg.pewstats.collectors.pubg.ApiKeyPool.CALLS;
    public static final String PLAYERS_FOUND = "discoveryPlayersFound";
    public static final String MATCH_IDS = "discoveryMatchIds";

    @Override
    public Exchange aggregate(Exchange running, Exchange call) {
        Exchange result = running == null ? call : running;
        @SuppressWarnings("unchecked")
        Set<String> ids = result.getProperty(MATCH_IDS, Set.class);
        if (ids == null) {
            ids = new LinkedHashSet<>();
            result.setProperty(MATCH_IDS, ids);
        }
        Lookup lookup = call.getMessage().getBody(Lookup.class);
        int found = 0;
        if (lookup != null) {
            ids.addAll(lookup.matchIds());
            found = lookup.players().size();
        }
        int attempts = call.getProperty(CALLS, 0, Integer.class);
        if (result != call) {
            result.setProperty(CALLS, result.getProperty(CALLS, 0, Integer.class) + attempts);
            result.setProperty(PLAYERS_FOUND, result.getProperty(PLAYERS_FOUND, 0, Integer.class) + found);
        } else {
            result.setProperty(PLAYERS_FOUND, found);
        }
        return result;
    }

    /** What the players calls of one run found, in the body once the split is done. */
    public record Result(List<String> matchIds, int calls, int playersFound) {
    }

    @Override
    public void onCompletion(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Set<String> ids = exchange.getProperty(MATCH_IDS, Set.class);
        exchange.getMessage().setBody(new Result(ids == null ? List.of() : List.copyOf(ids),
                exchange.getProperty(CALLS, 0, Integer.class), exchange.getProperty(PLAYERS_FOUND, 0, Integer.class)));
    }

    /** "2 discovered, 1 skipped" from the outcome of each item of a pass (discovery's new match ids, ranked stats' players). */
    public String tally(List<String> outcomes) {
        if (outcomes == null || outcomes.isEmpty()) {
            return "none";
        }
        Map<String, Long> counts = new TreeMap<>(outcomes.stream()
                .collect(Collectors.groupingBy(o -> o == null ? "unknown" : o, Collectors.counting())));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    /** Milliseconds since the run's exchange was created. */
    public long elapsedMillis(Exchange exchange) {
        return exchange.getClock().elapsed();
    }
}
