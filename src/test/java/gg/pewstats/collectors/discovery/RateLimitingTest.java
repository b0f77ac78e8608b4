package gg.pewstats.collectors.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The players endpoint under a per-key limit of 2 calls per second, with two good keys and one the API
 * rejects, 120 tracked players (12 calls) and a 429 with Retry-After on the first call. Timing is read
 * from the stand-in server's request log, as the API would count it.
 */
class RateLimitingTest {

    private static final int LIMIT = 2;
    private static final long API_WINDOW_MS = 1000;
    private static final String GOOD_1 = "good-key-1111aaaa";
    private static final String GOOD_2 = "good-key-2222bbbb";
    private static final String REJECTED = "revoked-key-3333cccc";

    static WireMockServer api;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        String players = PubgSamples.read(PubgSamples.PLAYERS_ONE);
        // first call of the run: 429 with Retry-After: 1, then the real players response
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("limit").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", "1")
                        .withHeader("X-Ratelimit-Limit", "2").withHeader("X-Ratelimit-Remaining", "0")
                        .withBody("Too many requests"))
                .willSetStateTo("open"));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("limit").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody(players)));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).atPriority(1)
                .withHeader("Authorization", equalTo("Bearer " + REJECTED))
                .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[{\"title\":\"Unauthorized\"}]}")));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/.*"))
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"title\":\"Not Found\"}]}")));

        hub = TestHub.start(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "pubg.api-keys", REJECTED + "," + GOOD_1 + "," + GOOD_2,
                "pubg.default-rpm", Integer.toString(LIMIT),
                // the hub's window is a little longer than the API's, as in production (61 s for 60 s)
                "pubg.rate-period-ms", "1200"));
        StringBuilder insert = new StringBuilder("INSERT INTO players (player_id, player_name) VALUES ");
        for (int i = 0; i < 120; i++) {
            insert.append(i == 0 ? "" : ", ").append(String.format("('account.%032x', 'player%03d')", i, i));
        }
        hub.execute(insert.toString());
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, api);
    }

    @Test
    void everyBatchIsDoneWithinEachKeysLimit() throws Exception {
        hub.runDiscovery();

        List<LoggedRequest> calls = new ArrayList<>(api.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/shards/steam/players"))));
        calls.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        long t0 = calls.isEmpty() ? 0 : calls.get(0).getLoggedDate().getTime();
        calls.forEach(c -> System.out.println("[calls] +" + (c.getLoggedDate().getTime() - t0) + " ms " + key(c)));

        // the rejected key was tried once and never again
        List<LoggedRequest> rejected = calls.stream().filter(r -> key(r).equals(REJECTED)).toList();
        assertThat(rejected).hasSize(1);

        // every one of the 12 batches got its 200 in the end: none dropped after the 429 or the 401
        Set<String> answered = new HashSet<>();
        for (LoggedRequest call : calls) {
            if (!key(call).equals(REJECTED)) {
                answered.add(call.getQueryParams().get("filter[playerIds]").firstValue());
            }
        }
        assertThat(answered).hasSize(12);
        // 12 answered + the 429 + the 401
        assertThat(calls).hasSize(14);

        // both good keys carried calls, and within any API window no key made more than its limit
        Map<String, List<Long>> times = new HashMap<>();
        for (LoggedRequest call : calls) {
            times.computeIfAbsent(key(call), k -> new ArrayList<>()).add(call.getLoggedDate().getTime());
        }
        assertThat(times.keySet()).contains(GOOD_1, GOOD_2);
        for (Map.Entry<String, List<Long>> entry : times.entrySet()) {
            List<Long> t = entry.getValue();
            for (int i = LIMIT; i < t.size(); i++) {
                assertThat(t.get(i) - t.get(i - LIMIT))
                        .as("key %s: calls %d and %d are inside one %d ms window", entry.getKey(), i - LIMIT, i, API_WINDOW_MS)
                        .isGreaterThanOrEqualTo(API_WINDOW_MS);
            }
        }

        // the batch that got the 429 was asked again no sooner than Retry-After said
        LoggedRequest limited = calls.stream().filter(r -> !key(r).equals(REJECTED)).findFirst().orElseThrow();
        String limitedBatch = limited.getQueryParams().get("filter[playerIds]").firstValue();
        LoggedRequest retried = calls.stream()
                .filter(r -> r != limited && !key(r).equals(REJECTED)
                        && r.getQueryParams().get("filter[playerIds]").firstValue().equals(limitedBatch))
                .findFirst().orElseThrow();
        assertThat(retried.getLoggedDate().getTime() - limited.getLoggedDate().getTime()).isGreaterThanOrEqualTo(1000);

        // API calls, 429s and 401s per key in the metrics, keys by their last four characters only
        String[] good = {"key2…aaaa", "key3…bbbb"};
        double ok = 0;
        double limitedCalls = 0;
        for (String k : good) {
            ok += hub.metricOrZero("pewstats_api_calls_total{key=\"" + k + "\",outcome=\"ok\"}");
            limitedCalls += hub.metricOrZero("pewstats_api_calls_total{key=\"" + k + "\",outcome=\"429\"}");
        }
        assertThat(ok).isEqualTo(12.0);
        assertThat(limitedCalls).isEqualTo(1.0);
        assertThat(hub.metric("pewstats_api_calls_total{key=\"key1…cccc\",outcome=\"401\"}")).isEqualTo(1.0);
        assertThat(hub.metrics()).doesNotContain("good-key").doesNotContain("revoked-key");
    }

    private static String key(LoggedRequest request) {
        return request.getHeader("Authorization").substring("Bearer ".length());
    }
}
