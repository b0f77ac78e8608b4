package gg.pewstats.collectors.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.recovery.Recovery;
import gg.pewstats.collectors.recovery.Recovery.Redrive;
import gg.pewstats.collectors.store.MatchStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.camel.ProducerTemplate;
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
            MatchStore store = session.bean("matchStore", MatchStore.class);
            List<String> ids = new ArrayList<>(matchIds);
            if (failed) {
                ids.addAll(store.matchIds("failed", null));
            }
            if (since != null) {
                ids.addAll(store.matchIds("since", since.atStartOfDay().atOffset(ZoneOffset.UTC)));
            }
            List<Redrive> redrives = session.bean("recovery", Recovery.class).reprocess(ids.stream().distinct().toList());
            ProducerTemplate producer = session.camel().createProducerTemplate();
            String endpoint = session.camel().resolvePropertyPlaceholders(
                    "spring-rabbitmq:{{broker.exchange}}?routingKey=reprocess&confirm=enabled");
            ObjectMapper json = new ObjectMapper();
            Map<String, Integer> from = new TreeMap<>();
            try (Progress progress = new Progress("reprocess", redrives.size())) {
                for (Redrive redrive : redrives) {
                    producer.sendBodyAndHeaders(endpoint, json.writeValueAsString(redrive.message()),
                            Map.of("CamelSpringRabbitmqRoutingOverrideKey", redrive.queue(),
                                    "CamelSpringRabbitmqContentType", "application/json"));
                    from.merge(redrive.queue(), 1, Integer::sum);
                    progress.step();
                }
            }
            long unknown = ids.stream().distinct().count() - redrives.size();
            System.out.println(redrives.size() + " match(es) sent again " + from
                    + (unknown > 0 ? "; " + unknown + " match id(s) not in the database" : ""));
            return unknown > 0 ? 1 : 0;
        }
    }
}
