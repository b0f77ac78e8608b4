package gg.pewstats.collectors.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tournament create | season | round | import-teams}: what tournament discovery needs to know
 * before its first run. Each writes through its route in tournament-commands.camel.yaml.
 */
@Command(name = "tournament", mixinStandardHelpOptions = true, description = "Tournaments, seasons, rounds and teams.",
        subcommands = {TournamentCommand.Create.class, TournamentCommand.Season.class, TournamentCommand.Round.class,
            TournamentCommand.ImportTeams.class})
class TournamentCommand {

    @ParentCommand
    CollectorsCommand parent;

    /** Runs one command route with the given headers and prints what it answers. */
    static int send(TournamentCommand command, String endpoint, Object body, Map<String, Object> headers, String done)
            throws Exception {
        try (HubSession session = HubSession.open(command.parent.home(), command.parent.settings)) {
            Object answer = session.request(endpoint, body, headers).getBody();
            if (answer == null) {
                System.err.println(done + ": nothing written (is what it refers to there? check the codes)");
                return 1;
            }
            System.out.println(done + ": " + answer);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create (or rename) a tournament.")
    static class Create implements Callable<Integer> {
        @ParentCommand
        TournamentCommand tournament;
        @Parameters(paramLabel = "CODE", description = "Short unique code, for example PSL.")
        String code;
        @Option(names = "--name", required = true, description = "Its name.")
        String name;
        @Option(names = "--status", defaultValue = "active", description = "upcoming, active, completed or cancelled (default: ${DEFAULT-VALUE}).")
        String status;

        @Override
        public Integer call() throws Exception {
            return send(tournament, "direct:tournament-create", null, Map.of("code", code, "name", name, "status", status),
                    "tournament " + code + " id");
        }
    }

    @Command(name = "season", mixinStandardHelpOptions = true, description = "Add (or change) a season of a tournament.")
    static class Season implements Callable<Integer> {
        @ParentCommand
        TournamentCommand tournament;
        @Parameters(paramLabel = "CODE", description = "The season's unique code, for example PSL-F25.")
        String code;
        @Option(names = "--tournament", required = true, description = "The tournament's code.")
        String of;
        @Option(names = "--name", required = true, description = "Its name.")
        String name;
        @Option(names = "--start", required = true, description = "First day, YYYY-MM-DD.")
        String start;
        @Option(names = "--end", required = true, description = "Last day, YYYY-MM-DD.")
        String end;
        @Option(names = "--status", defaultValue = "active", description = "upcoming, active, completed or cancelled (default: ${DEFAULT-VALUE}).")
        String status;

        @Override
        public Integer call() throws Exception {
            return send(tournament, "direct:tournament-season-add", null, Map.of("tournament", of, "code", code, "name", name,
                    "start", start, "end", end, "status", status), "season " + code + " id");
        }
    }

    @Command(name = "round", mixinStandardHelpOptions = true, description = "Add (or change) a round of a season for one lobby.")
    static class Round implements Callable<Integer> {
        @ParentCommand
        TournamentCommand tournament;
        @Option(names = "--season", required = true, description = "The season's code.")
        String season;
        @Option(names = "--number", required = true, description = "Round number.")
        int number;
        @Option(names = "--name", description = "Its name (default: Round N).")
        String name;
        @Option(names = "--division", required = true, description = "The lobby's division.")
        String division;
        @Option(names = "--group", description = "The lobby's group, if the division has several.")
        String group;
        @Option(names = "--start", required = true, description = "First day, YYYY-MM-DD.")
        String start;
        @Option(names = "--end", required = true, description = "Last day, YYYY-MM-DD.")
        String end;
        @Option(names = "--expected", defaultValue = "6", description = "Matches the round has (default: ${DEFAULT-VALUE}).")
        int expected;

        @Override
        public Integer call() throws Exception {
            Map<String, Object> headers = new HashMap<>(Map.of("season", season, "number", number,
                    "name", name == null ? "Round " + number : name, "division", division, "start", start, "end", end,
                    "expected", expected));
            headers.put("group", group);
            return send(tournament, "direct:tournament-round-add", null, headers, "round " + number + " of " + division + " id");
        }
    }

    @Command(name = "import-teams", mixinStandardHelpOptions = true,
            description = "Import teams and rosters from a CSV file (columns: see routes/tournament-commands.camel.yaml).")
    static class ImportTeams implements Callable<Integer> {
        @ParentCommand
        TournamentCommand tournament;
        @Parameters(paramLabel = "FILE", description = "The CSV file, header line first.")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                System.err.println("Not a file: " + file);
                return 2;
            }
            return send(tournament, "direct:tournament-import-teams", Files.readString(file, StandardCharsets.UTF_8), Map.of(),
                    "player rows imported");
        }
    }
}
