package gg.pewstats.collectors.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.RouteTestSupport;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The telemetry-extraction stage alone, on real PostgreSQL with the broker mocked at its edges: a stored
 * telemetry file becomes rows in the telemetry tables and values in the summary rows, flags and status
 * completed, one match.completed message; a failure at the transaction's last step leaves none of it; a
 * truncated file fails its match with the reason and publishes nothing.
 */
class TelemetryExtractionRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StubbedPubg.PerClass API = new StubbedPubg.PerClass(1);
    private static byte[] telemetry;

    private String matchId;

    @BeforeAll
    static void telemetryFile() throws Exception {
        // the gzipped file exactly as the stand-in CDN serves it
        telemetry = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(API.get().api.baseUrl() + "/telemetry/" + API.get().matchIds.get(0) + ".json")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        matchId = API.get().matchIds.get(0);
        startStage("telemetry-extraction", "direct:match-processing");
        execute(API.get().insertPlayersSql());
        execute("INSERT INTO matches (match_id, status, map_name, game_mode) VALUES (?, 'downloaded', 'Rondo', 'squad')", matchId);
        // the summary row of one player of the telemetry, as the match-summary stage stored it
        execute("INSERT INTO match_summaries (match_id, participant_id, player_id, player_name) VALUES (?, 'p0', ?, 'player0')",
                matchId, API.get().playerIds.get(0));
    }

    private Path store(byte[] content) throws Exception {
        Path file = storage.resolve("matchID=" + matchId).resolve("raw.json.gz");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private String processing() {
        return "{\"match_id\":\"" + matchId + "\",\"file_path\":\"ignored\"}";
    }

    @Test
    void storedFileBecomesRowsFlagsStatusAndOneCompletedMessage() throws Exception {
        store(telemetry);
        broker.expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("telemetry-extraction").whenCompleted(1).create();

        template.sendBody("direct:match-processing", processing());

        assertThat(done.matchesWaitTime()).isTrue();
        broker.assertIsSatisfied();
        for (Map.Entry<String, Long> table : API.get().expectedRows.entrySet()) {
            assertThat(count("SELECT count(*) FROM " + table.getKey() + " WHERE match_id = ?", matchId))
                    .as(table.getKey()).isEqualTo(table.getValue());
        }
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("completed");
        assertThat(queryOne("SELECT landings_processed AND kills_processed AND damage_processed AND weapons_processed "
                + "AND circles_processed AND finishing_processed FROM matches WHERE match_id = ?", matchId)).isEqualTo(true);
        assertThat(count("SELECT count(*) FROM player_finishing_summary WHERE match_id = ?", matchId)).isPositive();
        assertThat(count("SELECT count(*) FROM player_match_weapon_distribution WHERE match_id = ?", matchId)).isPositive();
        assertThat(queryOne("SELECT heals_used IS NOT NULL AND avg_distance_from_center IS NOT NULL FROM match_summaries "
                + "WHERE match_id = ?", matchId)).isEqualTo(true);
        var published = broker.getReceivedExchanges().get(0).getMessage();
        assertThat(published.getHeader("CamelSpringRabbitmqRoutingOverrideKey")).isEqualTo("match.completed." + database);
        JsonNode message = JSON.readTree(published.getBody(String.class));
        assertThat(message.path("match_id").asText()).isEqualTo(matchId);
        assertThat(message.path("rows").path("landings").asLong()).isEqualTo(API.get().expectedRows.get("landings"));

        // the same message again (a redelivery) is acknowledged with nothing done: rows not doubled
        template.sendBody("direct:match-processing", processing());
        assertThat(count("SELECT count(*) FROM landings WHERE match_id = ?", matchId)).isEqualTo(API.get().expectedRows.get("landings"));
        assertThat(broker.getReceivedCounter()).isEqualTo(1);
    }

    @Test
    void everyRowAndSummaryValueCommitsWithTheStatusOrNotAtAll() throws Exception {
        store(telemetry);
        // the transaction's last statement (flags and status) fails: every row before it must go too
        AdviceWith.adviceWith(context, "telemetry-extraction-transaction", a -> a.weaveById("telemetry-extraction-complete")
                .replace().throwException(new java.sql.SQLException("injected failure after the rows")));
        deadLetters.expectedMessageCount(1);

        template.sendBody("direct:match-processing", processing());

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges().get(0).getMessage().getHeader("x-dead-letter-reason", String.class))
                .contains("injected failure after the rows");
        for (String table : API.get().expectedRows.keySet()) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE match_id = ?", matchId)).as(table).isZero();
        }
        for (String table : java.util.List.of("player_finishing_summary", "player_match_weapon_distribution")) {
            assertThat(count("SELECT count(*) FROM " + table + " WHERE match_id = ?", matchId)).as(table).isZero();
        }
        assertThat(queryOne("SELECT heals_used IS NULL AND damage_received IS NULL FROM match_summaries WHERE match_id = ?",
                matchId)).isEqualTo(true);
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("downloaded");
        assertThat(broker.getReceivedCounter()).isZero();
    }

    @Test
    void truncatedFileFailsItsMatchWithTheReasonAndPublishesNothing() throws Exception {
        Path file = store(java.util.Arrays.copyOf(telemetry, telemetry.length / 2));

        template.sendBody("direct:match-processing", processing());

        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("failed");
        assertThat((String) queryOne("SELECT error_message FROM matches WHERE match_id = ?", matchId)).isNotBlank();
        assertThat(count("SELECT count(*) FROM landings WHERE match_id = ?", matchId)).isZero();
        assertThat(file.resolveSibling("raw.json.gz.failed")).exists();
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }
}
