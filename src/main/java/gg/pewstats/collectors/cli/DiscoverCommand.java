package gg.pewstats.collectors.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code discover --once}: one discovery run now (new matches go to the queue for the running stages). */
@Command(name = "discover", mixinStandardHelpOptions = true, description = "Run discovery.")
class DiscoverCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Option(names = "--once", required = true, description = "One run now, then exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            session.request("direct:discovery-run", null, java.util.Map.of());
            return 0;
        }
    }
}
