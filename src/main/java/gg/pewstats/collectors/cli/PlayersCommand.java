package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.pubg.ApiKeyPool;
import gg.pewstats.collectors.pubg.PlayerLookups.Batch;
import gg.pewstats.collectors.pubg.PlayerLookups.Lookup;
import gg.pewstats.collectors.pubg.PlayerLookups.Player;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code players add|remove|enable|disable|list}: the tracked players. */
@Command(name = "players", mixinStandardHelpOptions = true, description = "Tracked players.",
        subcommands = {PlayersCommand.Add.class, PlayersCommand.Remove.class, PlayersCommand.Enable.class,
            PlayersCommand.Disable.class, PlayersCommand.ListPlayers.class})
class PlayersCommand {

    @ParentCommand
    CollectorsCommand parent;

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Track players by name. With an API key configured the names are resolved to account ids now "
                    + "(10 per call, through the hub's throttled route); otherwise discovery resolves them.")
    static class Add implements Callable<Integer> {
        @ParentCommand
        PlayersCommand players;

        @Option(names = "--platform", defaultValue = "steam", description = "Platform shard of the players (default: steam).")
        String platform;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Player names (case sensitive).")
        List<String> names;

        @Override
        public Integer call() throws Exception {
            try (HubSession session = HubSession.open(players.parent.home(), players.parent.settings)) {
                Map<String, String> ids = new HashMap<>();
                if (session.bean("apiKeys", ApiKeyPool.class).hasKeys()) {
                    for (int i = 0; i < names.size(); i += 10) {
                        Batch batch = new Batch("playerNames", names.subList(i, Math.min(names.size(), i + 10)));
                        // discovery's own players call: throttled per key, its errors handled there
                        Lookup lookup = session.request("direct:discovery-players-batch", batch, Lookup.class);
                        if (lookup != null) {
                            for (Player p : lookup.players()) {
                                ids.put(p.name(), p.accountId());
                            }
                        }
                    }
                }
                int added = 0;
                for (String name : names) {
                    String id = ids.getOrDefault(name, "pending:" + name);
                    int n = session.request("direct:players-add", null,
                            Map.of("playerId", id, "playerName", name, "platform", platform))
                            .getHeader("CamelSqlUpdateCount", 0, Integer.class);
                    added += n;
                    System.out.println((n == 1 ? "added   " : "known   ") + name + " " + id);
                }
                System.out.println(added + " player(s) added");
                return 0;
            }
        }
    }

    abstract static class ByName implements Callable<Integer> {
        @ParentCommand
        PlayersCommand players;

        @Parameters(arity = "1..*", paramLabel = "NAME", description = "Player names.")
        List<String> names;

        /** The command route (commands.camel.yaml). */
        abstract String route();

        abstract String done();

        @Override
        public Integer call() throws Exception {
            try (HubSession session = HubSession.open(players.parent.home(), players.parent.settings)) {
                int missing = 0;
                for (String name : names) {
                    if (session.request(route(), name, Map.of()).getHeader("CamelSqlUpdateCount", 0, Integer.class) == 0) {
                        System.err.println("no player named " + name);
                        missing++;
                    } else {
                        System.out.println(done() + " " + name);
                    }
                }
                return missing == 0 ? 0 : 1;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Stop tracking and forget players.")
    static class Remove extends ByName {
        String route() {
            return "direct:players-remove";
        }

        String done() {
            return "removed";
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Track players again.")
    static class Enable extends ByName {
        String route() {
            return "direct:players-enable";
        }

        String done() {
            return "enabled";
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Stop tracking players (they are kept).")
    static class Disable extends ByName {
        String route() {
            return "direct:players-disable";
        }

        String done() {
            return "disabled";
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the players.")
    static class ListPlayers implements Callable<Integer> {
        @ParentCommand
        PlayersCommand players;

        @Override
        public Integer call() throws Exception {
            try (HubSession session = HubSession.open(players.parent.home(), players.parent.settings)) {
                List<String> lines = new ArrayList<>();
                for (Map<?, ?> row : (List<Map<?, ?>>) session.request("direct:players-list", null, List.class)) {
                    lines.add(String.format("%-24s %-42s %-8s %s", row.get("player_name"), row.get("player_id"),
                            row.get("platform"), Boolean.TRUE.equals(row.get("tracking_enabled")) ? "tracked" : "disabled"));
                }
                lines.forEach(System.out::println);
                System.out.println(lines.size() + " player(s)");
                return 0;
            }
        }
    }
}
