package gg.pewstats.collectors.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.RouteTestSupport;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.util.Properties;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The match-summary stage alone: its templated route and work route on real PostgreSQL, the PUBG API
 * served from the real 2026 squad match, the broker replaced by mock endpoints at both edges.
 */
class MatchSummaryRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StubbedPubg.PerClass API = new StubbedPubg.PerClass(1);

    private String matchId;

    @Override
    protected Properties settings() {
        Properties settings = new Properties();
        settings.put("pubg.api-base-url", API.get().api.baseUrl());
        return settings;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        matchId = API.get().matchIds.get(0);
        API.get().api.resetRequests();
        startStage("match-summary", "direct:match-discovered");
    }

    private String discovered(String id) {
        return "{\"match_id\":\"" + id + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                + "\"match_datetime\":\"2026-01-01T00:00:00Z\"}";
    }

    @Test
    void discoveredMatchGetsOneRowPerParticipantAndItsTelemetryMessage() throws Exception {
        execute("INSERT INTO matches (match_id, status) VALUES (?, 'discovered')", matchId);
        JsonNode sample = JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2026));
        long participants = 0;
        String telemetryUrl = null;
        for (JsonNode node : sample.path("included")) {
            participants += "participant".equals(node.path("type").asText()) ? 1 : 0;
        }
        broker.expectedMessageCount(1);
        NotifyBuilder done = new NotifyBuilder(context).fromRoute("match-summary").whenCompleted(1).create();

        template.sendBody("direct:match-discovered", discovered(matchId));

        assertThat(done.matchesWaitTime()).isTrue();
        broker.assertIsSatisfied();
        assertThat(count("SELECT count(*) FROM match_summaries WHERE match_id = ?", matchId)).isEqualTo(participants);
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("summarized");
        telemetryUrl = (String) queryOne("SELECT telemetry_url FROM matches WHERE match_id = ?", matchId);
        assertThat(telemetryUrl).endsWith("/telemetry/" + matchId + ".json");
        var published = broker.getReceivedExchanges().get(0).getMessage();
        assertThat(published.getHeader("CamelSpringRabbitmqRoutingOverrideKey")).isEqualTo("match.telemetry." + database);
        JsonNode message = JSON.readTree(published.getBody(String.class));
        assertThat(message.path("match_id").asText()).isEqualTo(matchId);
        assertThat(message.path("telemetry_url").asText()).isEqualTo(telemetryUrl);
        assertThat(message.path("participant_count").asLong()).isEqualTo(participants);
        // the player stats are the API's own: one participant's kills match the sample
        JsonNode first = null;
        for (JsonNode node : sample.path("included")) {
            if ("participant".equals(node.path("type").asText())) {
                first = node;
                break;
            }
        }
        assertThat(count("SELECT kills FROM match_summaries WHERE match_id = ? AND participant_id = ?", matchId,
                first.path("id").asText())).isEqualTo(first.path("attributes").path("stats").path("kills").asLong());
    }

    @Test
    void matchAlreadySummarizedIsAcknowledgedWithoutAnApiCall() throws Exception {
        execute("INSERT INTO matches (match_id, status) VALUES (?, 'summarized')", matchId);

        template.sendBody("direct:match-discovered", discovered(matchId));

        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(deadLetters.getReceivedCounter()).isZero();
        API.get().api.verify(0, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + matchId)));
        assertThat(count("SELECT count(*) FROM match_summaries")).isZero();
    }

    @Test
    void unknownMatchIsDeadLetteredWithTheReason() throws Exception {
        deadLetters.expectedMessageCount(1);

        template.sendBody("direct:match-discovered", discovered(matchId));

        deadLetters.assertIsSatisfied();
        var letter = deadLetters.getReceivedExchanges().get(0).getMessage();
        assertThat(letter.getHeader("x-dead-letter-reason", String.class)).contains("unknown match '" + matchId + "'");
        assertThat(letter.getBody(String.class)).isEqualTo(discovered(matchId));
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(count("SELECT count(*) FROM matches")).isZero();
    }

    @Test
    void rowsAndStatusCommitTogetherOrNotAtAll() throws Exception {
        execute("INSERT INTO matches (match_id, status) VALUES (?, 'discovered')", matchId);
        // the last statement of the transaction fails: the rows written before it must go too
        AdviceWith.adviceWith(context, "match-summary-transaction", a -> a.weaveById("match-summary-count-rows")
                .replace().throwException(new java.sql.SQLException("injected failure after the rows")));
        deadLetters.expectedMessageCount(1);

        template.sendBody("direct:match-discovered", discovered(matchId));

        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getReceivedExchanges().get(0).getMessage().getHeader("x-dead-letter-reason", String.class))
                .contains("injected failure after the rows");
        assertThat(count("SELECT count(*) FROM match_summaries WHERE match_id = ?", matchId)).isZero();
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = ?", matchId)).isEqualTo("discovered");
        assertThat(queryOne("SELECT error_message FROM matches WHERE match_id = ?", matchId).toString())
                .contains("injected failure after the rows");
        assertThat(broker.getReceivedCounter()).isZero();
    }
}
