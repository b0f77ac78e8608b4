package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Copies of one message (a broker redelivering, a producer repeating itself, someone flooding the queue):
 * the match's status in PostgreSQL decides before any API call, so a failed match costs no call at all and
 * a flood of copies costs at most one call per consumer.
 */
class DuplicateMessagesTest {

    @Test
    void copiesOfAMessageAreAcknowledgedFromTheDatabase() throws Exception {
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        TestHub hub = null;
        try {
            ObjectNode match = (ObjectNode) new ObjectMapper().readTree(PubgSamples.read(PubgSamples.MATCH_2026));
            String matchId = match.path("data").path("id").asText();
            api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + matchId)).willReturn(aResponse().withBody(match.toString())));
            api.stubFor(get(urlPathEqualTo("/shards/steam/matches/gone-1")).willReturn(aResponse().withStatus(404)));
            hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "summary.consumers", "2"));
            hub.stopRoute("telemetry-download");
            String queue = hub.queue("match.discovered");
            hub.execute("INSERT INTO matches (match_id, status) VALUES (?, 'discovered'), ('gone-1', 'discovered')", matchId);

            // a match the API no longer has fails once; its copies call nothing
            hub.publish(queue, message("gone-1"));
            TestHub h = hub;
            await().atMost(Duration.ofSeconds(20)).until(() -> h.count("SELECT count(*) FROM matches WHERE status = 'failed'") == 1);
            for (int i = 0; i < 200; i++) {
                hub.publish(queue, message("gone-1"));
            }
            // 500 copies of a good match at once
            for (int i = 0; i < 500; i++) {
                hub.publish(queue, message(matchId));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> h.queueDepth(queue) == 0);
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    h.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'summarized'", matchId) == 1);
            Thread.sleep(1000);

            api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/gone-1")));
            int calls = api.findAll(getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + matchId))).size();
            assertThat(calls).as("calls for 500 copies, with 2 consumers").isBetween(1, 2);
            assertThat(hub.queueDepth(hub.queue("match.telemetry"))).as("next messages published").isBetween(1L, 2L);
            assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ?", matchId)).isEqualTo(100);
            assertThat(hub.queueDepth(queue + ".dlq")).isZero();
        } finally {
            TestHub.stopAll(hub, api);
        }
    }

    private static String message(String matchId) {
        return "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                + "\"match_datetime\":\"2026-04-15T21:45:33Z\"}";
    }
}
