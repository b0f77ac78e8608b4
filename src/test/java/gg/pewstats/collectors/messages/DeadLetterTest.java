package gg.pewstats.collectors.messages;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

/**
 * Bad input to the match summary stage: each message that cannot be processed ends on the stage's
 * dead-letter queue, body intact, with its reason; a match the API does not have is failed; and the stage
 * keeps consuming the good messages behind them.
 */
class DeadLetterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static WireMockServer api;
    static TestHub hub;
    static String id2026;

    @BeforeAll
    static void start() throws Exception {
        String match = PubgSamples.read(PubgSamples.MATCH_2026);
        id2026 = JSON.readTree(match).path("data").path("id").asText();
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id2026))
                .willReturn(aResponse().withStatus(200).withBody(match)));
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/broken-upstream"))
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/expired-match"))
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"title\":\"Not Found\"}]}")));
        hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "stage.retry.max-attempts", "2"));
        // stage 3 held back: the match.telemetry messages stay on their queue to be read here
        hub.stopRoute("telemetry-download");
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, api);
    }

    @Test
    void badMessagesAreDeadLetteredWithTheirReasonAndTheStageKeepsConsuming() throws Exception {
        String queue = hub.queue("match.discovered");
        String dlq = queue + ".dlq";

        assertDeadLettered(queue, dlq, "{this is not json", "not valid JSON", 1);
        assertDeadLettered(queue, dlq, message("../../etc/passwd"), "not a safe match id", 1);
        assertDeadLettered(queue, dlq, message("a/b"), "not a safe match id", 1);
        assertDeadLettered(queue, dlq, message("abc\\u0000def"), "not a safe match id", 1);
        assertDeadLettered(queue, dlq, "{\"match_id\":\"abc\"}", "missing required field 'map_name'", 1);
        assertDeadLettered(queue, dlq,
                "{\"match_id\":42,\"map_name\":\"Rondo\",\"game_mode\":\"squad\",\"match_datetime\":\"2026-04-15T21:45:33Z\"}",
                "field 'match_id' must be a non-empty string", 1);
        assertDeadLettered(queue, dlq, message("x").replace("2026-04-15T21:45:33Z", "yesterday"),
                "not an ISO-8601 timestamp", 1);
        // a failure that outlasts the retries: first attempt + 2 retries, then the dead-letter queue; the
        // match keeps the reason as its latest error
        hub.execute("INSERT INTO matches (match_id, status) VALUES ('broken-upstream', 'discovered')");
        assertDeadLettered(queue, dlq, message("broken-upstream"), "503", 3);
        assertThat((String) hub.query("SELECT error_message FROM matches WHERE match_id = 'broken-upstream'").get(0)
                .get("error_message")).contains("503");

        // a match discovery never stored: dead-lettered as unknown, not stored, no API call
        assertDeadLettered(queue, dlq, message("never-discovered"), "unknown match 'never-discovered'", 1);
        assertThat(hub.count("SELECT count(*) FROM matches WHERE match_id = 'never-discovered'")).isZero();

        // the API does not have the match: the match is failed with the reason, nothing dead-lettered
        hub.execute("INSERT INTO matches (match_id, status) VALUES ('expired-match', 'discovered')");
        hub.publish(queue, message("expired-match"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE match_id = 'expired-match' AND status = 'failed'") == 1);
        assertThat((String) hub.query("SELECT error_message FROM matches WHERE match_id = 'expired-match'")
                .get(0).get("error_message")).contains("404");
        assertThat(hub.receive(dlq, 500)).isNull();

        // unknown extra fields are accepted, and the stage still consumes after all of the above
        String good = JSON.readTree(message(id2026)).deepCopy() instanceof com.fasterxml.jackson.databind.node.ObjectNode o
                ? o.put("some_future_field", 1).toString() : null;
        hub.execute("INSERT INTO matches (match_id, status) VALUES (?, 'discovered')", id2026);
        hub.publish(queue, good);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'summarized'", id2026) == 1);
        assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ?", id2026)).isEqualTo(100);
        assertThat(hub.receive(hub.queue("match.telemetry"), 5000)).isNotNull();
        assertThat(hub.queueDepth(queue)).isZero();
    }

    private static String message(String matchId) {
        return "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                + "\"match_datetime\":\"2026-04-15T21:45:33Z\",\"telemetry_url\":null}";
    }

    private static void assertDeadLettered(String queue, String dlq, String body, String reason, int attempts) {
        hub.publish(queue, body);
        Message dead = hub.receive(dlq, 20000);
        assertThat(dead).as("dead letter for %s", body).isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
        Map<String, Object> headers = dead.getMessageProperties().getHeaders();
        assertThat(String.valueOf(headers.get("x-dead-letter-reason"))).contains(reason);
        assertThat(String.valueOf(headers.get("x-dead-letter-stage"))).isEqualTo("match-summary");
        assertThat(String.valueOf(headers.get("x-dead-letter-queue"))).isEqualTo(queue);
        assertThat(Integer.parseInt(String.valueOf(headers.get("x-dead-letter-attempts")))).isEqualTo(attempts);
        assertThat(OffsetDateTime.parse(String.valueOf(headers.get("x-first-failure-at")))).isNotNull();
    }

}
