package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /matches overloaded: a 429 is waited out as it asks (Retry-After), as on the players endpoint, not dead-lettered. */
class MatchRateLimitTest {

    @Test
    void aRateLimitedMatchCallWaitsForRetryAfter() throws Exception {
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        TestHub hub = null;
        try {
            String match = PubgSamples.read(PubgSamples.MATCH_2026);
            String matchId = new ObjectMapper().readTree(match).path("data").path("id").asText();
            String path = "/shards/steam/matches/" + matchId;
            api.stubFor(get(urlPathEqualTo(path)).inScenario("busy").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("again"));
            api.stubFor(get(urlPathEqualTo(path)).inScenario("busy").whenScenarioStateIs("again")
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
            api.stubFor(get(urlPathEqualTo(path)).inScenario("busy").whenScenarioStateIs("ok").willReturn(aResponse().withBody(match)));
            // the stage's own retries would give up after 2: the 429s must not count against them
            hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "stage.retry.max-attempts", "1"));
            hub.stopRoute("telemetry-download");
            hub.execute("INSERT INTO matches (match_id, status) VALUES (?, 'discovered')", matchId);
            hub.publish(hub.queue("match.discovered"), "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\","
                    + "\"game_mode\":\"squad\",\"match_datetime\":\"2026-04-15T21:45:33Z\"}");
            TestHub h = hub;
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    h.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'summarized'", matchId) == 1);
            List<LoggedRequest> calls = api.findAll(getRequestedFor(urlPathEqualTo(path)));
            assertThat(calls).hasSize(3);
            for (int i = 1; i < calls.size(); i++) {
                long gap = calls.get(i).getLoggedDate().getTime() - calls.get(i - 1).getLoggedDate().getTime();
                assertThat(gap).as("wait before call %d", i + 1).isGreaterThanOrEqualTo(1000);
            }
            assertThat(hub.queueDepth(hub.queue("match.discovered") + ".dlq")).isZero();
        } finally {
            TestHub.stopAll(hub, api);
        }
    }
}
