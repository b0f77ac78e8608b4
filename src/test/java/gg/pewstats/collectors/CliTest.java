package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.cli.CollectorsCommand;
import gg.pewstats.collectors.telemetry.TelemetryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.SharedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The operator's commands, run as {@code java -jar collectors.jar <command>} runs them, with their exit codes. */
class CliTest {

    static SharedDatabase db;
    static WireMockServer api;

    @BeforeAll
    static void start() throws Exception {
        db = new SharedDatabase();
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withQueryParam("filter[playerNames]", equalTo("shroud"))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(PubgSamples.read(PubgSamples.PLAYERS_ONE))));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withQueryParam("filter[playerIds]", equalTo("account.d50fdc18fcad49c691d38466bed6f8fd"))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(PubgSamples.read(PubgSamples.PLAYERS_ONE))));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/.*")).willReturn(aResponse().withStatus(404)));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void backfillIsResumableAndReprocessSendsStoredMatchesToTheExtraction() throws Exception {
        Path store = Files.createTempDirectory("pewstats-backfill");
        TelemetryGenerator generator = new TelemetryGenerator(8, 4, 500, 3);
        for (String id : List.of("bf-1", "bf-2")) {
            Files.createDirectories(store.resolve("matchID=" + id));
            generator.writeGzip(store.resolve("matchID=" + id).resolve("raw.json.gz"));
        }
        Files.createDirectories(store.resolve("matchID=bf-bad"));
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(store.resolve("matchID=bf-bad").resolve("raw.json.gz")))) {
            out.write(Files.readAllBytes(PubgSamples.root().resolve("telemetry/pubg-api-kotlin_telemetry_2018-04_TRUNCATED_original.json")));
        }
        String storage = "telemetry.storage-path=" + store;

        Object[] first = run("backfill", store.toString(), "--set", storage);
        assertThat(first[0]).as("a file failed").isEqualTo(1);
        assertThat((String) first[1]).contains("3 file(s): 2 extracted, 0 already done, 1 failed");
        assertThat(db.count("SELECT count(*) FROM matches WHERE match_id IN ('bf-1', 'bf-2') AND status = 'completed'")).isEqualTo(2);
        assertThat(db.count("SELECT count(*) FROM landings WHERE match_id = 'bf-1'")).isEqualTo(8);
        assertThat(db.count("SELECT count(*) FROM matches WHERE match_id = 'bf-bad' AND status = 'failed' "
                + "AND error_message LIKE '%truncated%'")).isEqualTo(1);

        // resumable: what is done is not done again
        long rows = db.count("SELECT count(*) FROM weapon_kill_events");
        assertThat((String) run("backfill", store.toString(), "--set", storage)[1]).contains("0 extracted, 2 already done, 1 failed");
        assertThat(db.count("SELECT count(*) FROM weapon_kill_events")).isEqualTo(rows);

        // reprocess: a match whose file is stored goes to the extraction queue
        assertThat(run("reprocess", "bf-1", "--set", storage)[0]).isEqualTo(0);
        assertThat(run("reprocess", "no-such-match", "--set", storage)[0]).isEqualTo(1);
        org.springframework.amqp.rabbit.connection.CachingConnectionFactory connections =
                new org.springframework.amqp.rabbit.connection.CachingConnectionFactory(db.servers.amqpHost(), db.servers.amqpPort());
        connections.setUsername(db.servers.amqpUser());
        connections.setPassword(db.servers.amqpPassword());
        try {
            org.springframework.amqp.core.Message message = new org.springframework.amqp.rabbit.core.RabbitTemplate(connections)
                    .receive("match.processing.telemetry." + db.queueSuffix, 5000);
            assertThat(message).isNotNull();
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains("\"match_id\":\"bf-1\"")
                    .contains(store.resolve("matchID=bf-1").resolve("raw.json.gz").toString());
        } finally {
            connections.destroy();
        }
    }

    @Test
    void careerRankedAndTournamentCommands() throws Exception {
        assertThat(run("db", "migrate")[0]).isEqualTo(0);
        // stats --recompute: every completed match counted, in one transaction
        db.execute("INSERT INTO matches (match_id, status, game_type) VALUES ('cli-done', 'completed', 'official') ON CONFLICT DO NOTHING");
        long completed = db.count("SELECT count(*) FROM matches WHERE status = 'completed'");
        Object[] recompute = run("stats", "--recompute");
        assertThat(recompute[0]).isEqualTo(0);
        assertThat((String) recompute[1]).contains("Career aggregates recomputed from " + completed + " completed match(es)");
        assertThat(db.count("SELECT count(*) FROM matches WHERE stats_aggregated")).isEqualTo(completed);
        assertThat((String) run("status")[1]).contains("Career aggregates: " + completed + " completed match(es) counted, 0 waiting")
                .contains("(rankedApiKeys: the main keys above)");

        // ranked --once: the seasons endpoint, then the ranked endpoint per tracked player
        String ranked = PubgSamples.read("players/pubgkt_ranked_stats_response.json");
        api.stubFor(get(urlPathEqualTo("/shards/steam/seasons")).willReturn(aResponse().withBody(
                "{\"data\":[{\"type\":\"season\",\"id\":\"division.bro.official.pc-2018-41\","
                + "\"attributes\":{\"isCurrentSeason\":true,\"isOffseason\":false}}]}")));
        api.stubFor(get(urlPathMatching("/shards/steam/players/account\\.cliranked/seasons/division\\.bro\\.official\\.pc-2018-41/ranked"))
                .willReturn(aResponse().withBody(ranked)));
        db.execute("INSERT INTO players (player_id, player_name) VALUES ('account.cliranked', 'CliRanked') ON CONFLICT DO NOTHING");
        Object[] pass = run("ranked", "--once");
        assertThat(pass[0]).isEqualTo(0);
        assertThat((String) pass[1]).contains("Ranked stats:").contains("stored");
        assertThat(db.count("SELECT count(*) FROM ranked_player_stats WHERE player_id = 'account.cliranked' "
                + "AND season_id = 'division.bro.official.pc-2018-41' AND game_mode = 'squad'")).isEqualTo(1);
        // the other tests' discovery asks the players endpoint for the tracked players: this one goes
        db.execute("DELETE FROM players WHERE player_id = 'account.cliranked'");

        // a league described by its commands
        assertThat(run("tournament", "create", "CLI", "--name", "CLI League")[0]).isEqualTo(0);
        assertThat(run("tournament", "season", "CLI-S1", "--tournament", "CLI", "--name", "Season 1",
                "--start", "2026-11-01", "--end", "2026-12-31")[0]).isEqualTo(0);
        assertThat(run("tournament", "round", "--season", "CLI-S1", "--number", "1", "--division", "Div 1",
                "--start", "2026-11-22", "--end", "2026-11-22")[0]).isEqualTo(0);
        Path csv = Files.createTempFile("teams", ".csv");
        Files.writeString(csv, "team_name,division,group_name,team_number,player_name,is_primary_sample,sample_priority\n"
                + "CLI Wolves,Div 1,,3,wolf-one,true,1\nCLI Wolves,Div 1,,3,wolf-two,false,2\n");
        Object[] imported = run("tournament", "import-teams", csv.toString());
        assertThat(imported[0]).isEqualTo(0);
        assertThat((String) imported[1]).contains("player rows imported: 2");
        assertThat(db.count("SELECT count(*) FROM tournament_players p JOIN teams t ON t.id = p.team_id "
                + "WHERE t.team_name = 'CLI Wolves' AND t.team_number = 3 AND p.preferred_team")).isEqualTo(2);
        // a player has one preferred team: a later file moves wolf-one; in one file, its last row wins
        Files.writeString(csv, "team_name,division,group_name,team_number,player_name\n"
                + "CLI Bears,Div 1,,5,wolf-one\nCLI Bears,Div 1,,5,wolf-two\nCLI Owls,Div 1,,6,wolf-two\n");
        assertThat(run("tournament", "import-teams", csv.toString())[0]).isEqualTo(0);
        assertThat(db.count("SELECT count(*) FROM tournament_players p JOIN teams t ON t.id = p.team_id "
                + "WHERE p.player_id = 'wolf-one' AND p.preferred_team AND t.team_name = 'CLI Bears'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tournament_players WHERE player_id = 'wolf-one' AND preferred_team")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tournament_players p JOIN teams t ON t.id = p.team_id "
                + "WHERE p.player_id = 'wolf-two' AND p.preferred_team AND t.team_name = 'CLI Owls'")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tournament_players WHERE player_id = 'wolf-two' AND preferred_team")).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM tournament_rounds r JOIN tournament_seasons s ON s.id = r.season_id "
                + "JOIN tournaments t ON t.id = s.tournament_id WHERE t.tournament_code = 'CLI' AND r.division = 'Div 1'")).isEqualTo(1);
        // a season of a tournament that does not exist writes nothing and says so
        assertThat(run("tournament", "season", "X-S1", "--tournament", "NOPE", "--name", "x",
                "--start", "2026-11-01", "--end", "2026-12-31")[0]).isEqualTo(1);
    }

    /** Runs a command; returns its exit code and what it printed. */
    private static Object[] run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        // settings that win over the environment (which may point at another database)
        for (String setting : new String[] {"db.url=" + db.url, "db.user=" + db.servers.dbUser(), "db.password=" + db.servers.dbPassword(),
            "rabbitmq.url=", "rabbitmq.host=" + db.servers.amqpHost(), "rabbitmq.port=" + db.servers.amqpPort(),
            "rabbitmq.username=" + db.servers.amqpUser(), "rabbitmq.password=" + db.servers.amqpPassword(),
            "hub.env=" + db.queueSuffix, "pubg.api-base-url=" + api.baseUrl(), "pubg.api-keys=cli-key-0001"}) {
            args.add("--set");
            args.add(setting);
        }
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new CollectorsCommand()).execute(args.toArray(String[]::new));
            return new Object[] {code, out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void operatorCommands() {
        Object[] migrate = run("db", "migrate");
        assertThat(migrate[0]).isEqualTo(0);
        assertThat((String) migrate[1]).contains("Schema migrated");

        // names resolved to account ids through the API
        Object[] added = run("players", "add", "shroud");
        assertThat(added[0]).isEqualTo(0);
        assertThat(db.count("SELECT count(*) FROM players WHERE player_id = 'account.d50fdc18fcad49c691d38466bed6f8fd' "
                + "AND player_name = 'shroud'")).isEqualTo(1);
        assertThat(run("players", "disable", "shroud")[0]).isEqualTo(0);
        assertThat(db.count("SELECT count(*) FROM players WHERE NOT tracking_enabled")).isEqualTo(1);
        assertThat((String) run("players", "list")[1]).contains("shroud").contains("disabled");
        assertThat(run("players", "enable", "shroud")[0]).isEqualTo(0);
        assertThat(run("players", "remove", "nobody")[0]).isEqualTo(1);

        // one discovery run: shroud's 19 matches are gone from the API (404), so stored as failed
        assertThat(run("discover", "--once")[0]).isEqualTo(0);
        assertThat(db.count("SELECT count(*) FROM matches WHERE status = 'failed'")).isEqualTo(19);

        Object[] status = run("status");
        assertThat(status[0]).isEqualTo(0);
        assertThat((String) status[1]).contains("failed").contains("19").contains("match.discovered." + db.queueSuffix)
                .contains("key1…0001").doesNotContain("cli-key-0001");

        assertThat(run("no-such-command")[0]).isEqualTo(2);
        assertThat(run("reprocess")[0]).isEqualTo(2);
        assertThat(run("run", "--stages", "bogus")[0]).isEqualTo(2);
    }
}
