package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.messages.MatchIds;
import gg.pewstats.collectors.store.MatchStore;
import gg.pewstats.collectors.store.TelemetryStore;
import gg.pewstats.collectors.telemetry.TelemetryExtraction;
import gg.pewstats.collectors.telemetry.TelemetryRejectedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backfill DIR}: extracts every {@code matchID=<id>/raw.json.gz} under a folder (the existing
 * telemetry store, for example) into the database, in this process. Resumable: matches already completed
 * are skipped, so a stopped backfill goes on where it was. A bad file fails its match with the reason.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Extract every stored telemetry file under DIR.")
class BackfillCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Parameters(paramLabel = "DIR", description = "Folder holding matchID=<id>/raw.json.gz files.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            System.err.println("Not a folder: " + dir);
            return 2;
        }
        List<Path> files;
        try (Stream<Path> found = Files.find(dir, 2, (path, attributes) -> attributes.isRegularFile()
                && path.getFileName().toString().equals("raw.json.gz")
                && path.getParent().getFileName().toString().startsWith("matchID="))) {
            files = found.sorted().toList();
        }
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            MatchStore matches = session.bean("matchStore", MatchStore.class);
            TelemetryExtraction extraction = session.bean("telemetryExtraction", TelemetryExtraction.class);
            TelemetryStore store = session.bean("telemetryStore", TelemetryStore.class);
            int extracted = 0;
            int skipped = 0;
            int failed = 0;
            try (Progress progress = new Progress("backfill", files.size())) {
                for (Path file : files) {
                    String matchId = file.getParent().getFileName().toString().substring("matchID=".length());
                    try {
                        if (!MatchIds.isSafe(matchId)) {
                            throw new TelemetryRejectedException("not a safe match id: " + matchId);
                        }
                        if (matches.isCompleted(matchId)) {
                            skipped++;
                        } else {
                            store.replace(extraction.extract(extraction.context(matchId), file));
                            extracted++;
                        }
                    } catch (TelemetryRejectedException e) {
                        failed++;
                        if (MatchIds.isSafe(matchId)) {
                            matches.failMatch(matchId, e.getMessage());
                        }
                        System.err.println(matchId + ": " + e.getMessage());
                    }
                    progress.step();
                }
            }
            System.out.println(files.size() + " file(s): " + extracted + " extracted, " + skipped + " already done, "
                    + failed + " failed");
            return failed > 0 ? 1 : 0;
        }
    }
}
