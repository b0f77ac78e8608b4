package gg.pewstats.collectors.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** Runs the hub with the stages named (the others stay stopped), as one worker among several. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the hub with the named stages only.")
class RunCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE",
            description = "Stages to run: discovery, match-summary, telemetry-download, telemetry-extraction, "
                    + "stats-aggregation, ranked-stats, tournament-discovery, recovery (default: those enabled in the configuration).")
    List<String> stages;

    @Option(names = "--worker-id", description = "Name of this worker in messages and logs (default: hub.worker-id).")
    String workerId;

    @Override
    public Integer call() throws Exception {
        return run(parent, stages, workerId);
    }

    static int run(CollectorsCommand parent, List<String> stages, String workerId) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        if (stages != null) {
            for (String stage : stages) {
                if (!CollectorsCommand.STAGES.contains(stage)) {
                    System.err.println("Unknown stage '" + stage + "'; stages are " + CollectorsCommand.STAGES);
                    return 2;
                }
            }
            for (String stage : CollectorsCommand.STAGES) {
                settings.put("stage." + stage + ".enabled", Boolean.toString(stages.contains(stage)));
            }
        }
        if (workerId != null) {
            settings.put("hub.worker-id", workerId);
        }
        return parent.runHub(settings);
    }

    @Command(name = "match-discovery", mixinStandardHelpOptions = true, description = "Run discovery only (on its cron).")
    static class MatchDiscovery implements Callable<Integer> {
        @ParentCommand
        CollectorsCommand parent;

        @Override
        public Integer call() throws Exception {
            return run(parent, List.of("discovery"), null);
        }
    }

    abstract static class Worker implements Callable<Integer> {
        @ParentCommand
        CollectorsCommand parent;

        @Option(names = "--worker-id", required = true, description = "Name of this worker in messages and logs.")
        String workerId;

        abstract String stage();

        @Override
        public Integer call() throws Exception {
            return run(parent, List.of(stage()), workerId);
        }
    }

    @Command(name = "match-summary-worker", mixinStandardHelpOptions = true, description = "Run the match summary stage only.")
    static class MatchSummaryWorker extends Worker {
        @Override
        String stage() {
            return "match-summary";
        }
    }

    @Command(name = "telemetry-download-worker", mixinStandardHelpOptions = true, description = "Run the telemetry download stage only.")
    static class TelemetryDownloadWorker extends Worker {
        @Override
        String stage() {
            return "telemetry-download";
        }
    }

    @Command(name = "telemetry-processing-worker", mixinStandardHelpOptions = true, description = "Run the telemetry extraction stage only.")
    static class TelemetryProcessingWorker extends Worker {
        @Override
        String stage() {
            return "telemetry-extraction";
        }
    }
}
