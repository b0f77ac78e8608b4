package gg.pewstats.collectors.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ranked --once}: one ranked stats pass now (route ranked-stats, ranked-stats.camel.yaml), with a
 * progress bar over the tracked players; prints how many players got rows, had no ranked games or failed.
 */
@Command(name = "ranked", mixinStandardHelpOptions = true, description = "Collect ranked stats.")
class RankedCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Option(names = "--once", required = true, description = "One pass over every tracked player now, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            long players = session.request("direct:ranked-players", null, java.util.List.class).size();
            String outcomes;
            try (Progress progress = new Progress("ranked stats", players)) {
                outcomes = session.request("direct:ranked-stats-run", null, Map.of(), Map.of("progress", progress)).getBody(String.class);
            }
            System.out.println("Ranked stats: " + players + " tracked player(s): " + outcomes);
            return outcomes != null && outcomes.contains(" failed") ? 1 : 0;
        }
    }
}
