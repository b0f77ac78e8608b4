package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.CollectorsApplication;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar collectors.jar [command]}: with no command, runs the hub with every stage enabled in
 * the configuration. Exit codes: 0 done, 1 failed (the reason is printed), 2 wrong usage.
 */
@Command(name = "collectors", mixinStandardHelpOptions = true, version = "PewStats Collectors 0.1.0",
        description = "PewStats Collectors: PUBG match data into PostgreSQL. With no command, runs the hub.",
        subcommands = {RunCommand.class, RunCommand.MatchDiscovery.class, RunCommand.MatchSummaryWorker.class,
            RunCommand.TelemetryDownloadWorker.class, RunCommand.TelemetryProcessingWorker.class, DbCommand.class,
            PlayersCommand.class, DiscoverCommand.class, ReprocessCommand.class, BackfillCommand.class, StatusCommand.class,
            StatsCommand.class, RankedCommand.class, TournamentCommand.class})
public final class CollectorsCommand implements Callable<Integer> {

    @Option(names = "--set", scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A setting of config/application.properties for this run only; wins over the file and the environment.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder holding config/ and routes/ (default: COLLECTORS_HOME or the working directory).")
    String home;

    String home() {
        return home != null ? home : CollectorsApplication.home();
    }

    @Override
    public Integer call() throws Exception {
        return runHub(Map.of());
    }

    /** Runs the hub until it is stopped (SIGTERM, Ctrl-C). */
    int runHub(Map<String, String> more) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putAll(more);
        Main main = new Main();
        HubSession.applySettings(main, all, home());
        CollectorsApplication.configure(main, home());
        return main.run(new String[0]);
    }

    /**
     * The stages, each switched by stage.&lt;name&gt;.enabled (the one list: the run command's --stages, the
     * commands' sessions and the tests read it).
     */
    public static final List<String> STAGES = List.of("discovery", "match-summary", "telemetry-download", "telemetry-extraction",
            "stats-aggregation", "ranked-stats", "tournament-discovery", "recovery");
}
