package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.messages.MatchIds;
import java.nio.file.Files;
import java.nio.file.Path;
import gg.pewstats.collectors.infra.LogSafe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code backfill DIR}: extracts every {@code matchID=<id>/raw.json.gz} under a folder (the existing
 * telemetry store, for example) into the database, in this process. Resumable: matches already completed
 * are skipped, so a stopped backfill goes on where it was. A bad file fails its match with the reason.
 * Each file goes through the extraction stage's work route (direct:backfill-match), so a backfilled match
 * gets its metrics and its match.completed message like any other.
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
            int extracted = 0;
            int skipped = 0;
            int failed = 0;
            try (Progress progress = new Progress("backfill", files.size())) {
                for (Path file : files) {
                    String matchId = file.getParent().getFileName().toString().substring("matchID=".length());
                    if (!MatchIds.isSafe(matchId)) {
                        failed++;
                        System.err.println(LogSafe.escape(matchId) + ": not a safe match id; file left alone");
                    } else {
                        // the extraction stage's own work route: rows, status, metrics and match.completed as for any match
                        String outcome = session.request("direct:backfill-match", file.toString(),
                                Map.of("matchId", matchId)).getBody(String.class);
                        if (outcome.equals("extracted")) {
                            extracted++;
                        } else if (outcome.equals("already done")) {
                            skipped++;
                        } else {
                            failed++;
                            System.err.println(matchId + ": " + outcome);
                        }
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
