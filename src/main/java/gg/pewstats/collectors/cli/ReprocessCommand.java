package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.recovery.Recovery.Redrive;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code reprocess MATCH_ID… | --failed | --since DATE}: sends matches through the pipeline again, from
 * the extraction when their file is stored, from the download when only its URL is, from the summary
 * otherwise. The running stages do the work; their rows are replaced, never duplicated.
 */
@Command(name = "reprocess", mixinStandardHelpOptions = true, description = "Send matches through the pipeline again.")
class ReprocessCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Parameters(arity = "0..*", paramLabel = "MATCH_ID", description = "Matches to reprocess.")
    List<String> matchIds = new ArrayList<>();

    @Option(names = "--failed", description = "Every failed match.")
    boolean failed;

    @Option(names = "--since", paramLabel = "DATE", description = "Every match played since this day (yyyy-mm-dd, UTC).")
    LocalDate since;

    @Override
    public Integer call() throws Exception {
        if (matchIds.isEmpty() && !failed && since == null) {
            System.err.println("Name matches, or give --failed or --since DATE");
            return 2;
        }
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            List<String> ids = new ArrayList<>(matchIds);
            if (failed) {
                ids.addAll(matchIdsOf(session.request("direct:reprocess-select-failed", null, List.class)));
            }
            if (since != null) {
                ids.addAll(matchIdsOf(session.request("direct:reprocess-select-since",
                        since.atStartOfDay().atOffset(ZoneOffset.UTC), List.class)));
            }
            ids = ids.stream().distinct().toList();
            // recovery's own routes: each match moved to its stage's input status and that stage's message published
            List<?> redrives = session.request("direct:reprocess", ids, List.class);
            Map<String, Integer> from = new TreeMap<>();
            for (Object redrive : redrives) {
                from.merge(((Redrive) redrive).queue(), 1, Integer::sum);
            }
            long unknown = ids.size() - redrives.size();
            System.out.println(redrives.size() + " match(es) sent again " + from
                    + (unknown > 0 ? "; " + unknown + " match id(s) not in the database" : ""));
            return unknown > 0 ? 1 : 0;
        }
    }

    private static List<String> matchIdsOf(List<?> rows) {
        return rows.stream().map(row -> (String) ((Map<?, ?>) row).get("match_id")).toList();
    }
}
