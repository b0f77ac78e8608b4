package gg.pewstats.collectors.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code stats --recompute}: rebuilds every career aggregate (player_damage_stats, player_weapon_stats,
 * player_advanced_career_stats) from the stored rows of every completed match, in one transaction
 * (route stats-recompute, stats-aggregation.camel.yaml): after a change of the bucket rule, a restore, or
 * adopting a database whose totals the live system built. Running stages wait for it, then go on.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Career aggregates.")
class StatsCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Option(names = "--recompute", required = true,
            description = "Rebuild every aggregate from the stored rows of every completed match.")
    boolean recompute;

    @Override
    public Integer call() throws Exception {
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            long total = session.request("direct:stats-count-completed", null, Long.class);
            long counted;
            try (Progress progress = new Progress("stats recompute", total)) {
                counted = session.request("direct:stats-recompute", null, Map.of(), Map.of("progress", progress))
                        .getBody(Long.class);
            }
            System.out.println("Career aggregates recomputed from " + counted + " completed match(es)");
            return 0;
        }
    }
}
