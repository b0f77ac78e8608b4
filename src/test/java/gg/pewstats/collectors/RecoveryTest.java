package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.telemetry.TelemetryFiles;
import gg.pewstats.collectors.testing.TestHub;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;

/**
 * A message lost anywhere delays a match but never loses it: matches left in an intermediate status are
 * driven again from the stage they reached, and failed after too many attempts. Dead-lettered messages can
 * be moved back to their queue.
 */
class RecoveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path storage;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        hub = TestHub.start(Map.of(
                "recovery.stuck-after-seconds", "0",
                "recovery.max-attempts", "2",
                "telemetry.storage-path", storage.toString()));
        // the stages are held back: the re-driven messages stay on their queues to be read here
        for (String route : new String[] {"match-summary", "telemetry-download", "telemetry-extraction"}) {
            hub.stopRoute(route);
        }
        hub.execute("INSERT INTO matches (match_id, status, map_name, game_mode, match_datetime, telemetry_url) VALUES "
                + "('m-discovered', 'discovered', 'Rondo', 'squad', '2026-04-15T21:45:33Z', 'https://telemetry-cdn.pubg.com/a.json'), "
                + "('m-summarized', 'summarized', 'Taego', 'duo', '2026-04-15T21:45:33Z', 'https://telemetry-cdn.pubg.com/b.json'), "
                + "('m-downloaded', 'downloaded', 'Erangel', 'solo', '2026-04-15T21:45:33Z', 'https://telemetry-cdn.pubg.com/c.json'), "
                + "('m-file-lost', 'downloaded', 'Erangel', 'solo', '2026-04-15T21:45:33Z', 'https://telemetry-cdn.pubg.com/d.json'), "
                + "('m-completed', 'completed', 'Erangel', 'solo', '2026-04-15T21:45:33Z', 'https://telemetry-cdn.pubg.com/e.json')");
        // the summary stage dead-lettered m-summarized's next step once: its latest error
        hub.execute("UPDATE matches SET error_message = 'HttpOperationFailedException: 503' WHERE match_id = 'm-summarized'");
        new TelemetryFiles(storage.toString(), 1 << 20, 1 << 20).store("m-downloaded",
                new ByteArrayInputStream("[]".getBytes(StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, null);
    }

    private static Map<String, JsonNode> drain(String queue) throws Exception {
        Map<String, JsonNode> messages = new HashMap<>();
        Message m;
        while ((m = hub.receive(queue, 1000)) != null) {
            JsonNode body = JSON.readTree(m.getBody());
            messages.put(body.path("match_id").asText(), body);
        }
        return messages;
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyQueues() throws Exception {
        for (String stage : new String[] {"match.discovered", "match.telemetry", "match.processing.telemetry"}) {
            drain(hub.queue(stage));
        }
    }

    @Test
    void stuckMatchesAreDrivenAgainFromTheirStageThenFailed() throws Exception {
        hub.camel().createProducerTemplate().sendBody("direct:recovery-run", null);

        Map<String, JsonNode> discovered = drain(hub.queue("match.discovered"));
        assertThat(discovered).containsOnlyKeys("m-discovered");
        assertThat(discovered.get("m-discovered").path("map_name").asText()).isEqualTo("Rondo");
        assertThat(discovered.get("m-discovered").path("telemetry_url").asText()).endsWith("/a.json");

        Map<String, JsonNode> telemetry = drain(hub.queue("match.telemetry"));
        // summarized, and downloaded without a complete file: downloaded again
        assertThat(telemetry).containsOnlyKeys("m-summarized", "m-file-lost");
        assertThat(telemetry.get("m-summarized").path("telemetry_url").asText()).endsWith("/b.json");

        Map<String, JsonNode> processing = drain(hub.queue("match.processing.telemetry"));
        assertThat(processing).containsOnlyKeys("m-downloaded");
        assertThat(processing.get("m-downloaded").path("file_path").asText())
                .isEqualTo(storage.resolve("matchID=m-downloaded").resolve("raw.json.gz").toString());

        assertThat(hub.query("SELECT match_id, attempts FROM matches WHERE attempts = 1")).hasSize(4);
        assertThat(hub.query("SELECT attempts FROM matches WHERE match_id = 'm-completed'"))
                .extracting(r -> r.get("attempts")).containsExactly(0);

        // second re-drive, then the third attempt is over recovery.max-attempts: failed with the reason
        hub.camel().createProducerTemplate().sendBody("direct:recovery-run", null);
        hub.camel().createProducerTemplate().sendBody("direct:recovery-run", null);
        assertThat(hub.query("SELECT status, error_message FROM matches WHERE match_id <> 'm-completed'"))
                .hasSize(4).allSatisfy(r -> {
                    assertThat(r.get("status")).isEqualTo("failed");
                    assertThat((String) r.get("error_message")).contains("recovery attempts");
                });
        assertThat((String) hub.query("SELECT error_message FROM matches WHERE match_id = 'm-summarized'").get(0)
                .get("error_message")).contains("last error: HttpOperationFailedException: 503");
        assertThat(hub.query("SELECT status FROM matches WHERE match_id = 'm-completed'"))
                .extracting(r -> r.get("status")).containsExactly("completed");
    }

    @Test
    void deadLetteredMessagesAreReplayedToTheirQueue() throws Exception {
        String queue = hub.queue("match.discovered");
        String body = "{\"match_id\":\"m-replayed\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                + "\"match_datetime\":\"2026-04-15T21:45:33Z\"}";
        hub.publish(queue + ".dlq", body, Map.of("x-dead-letter-queue", queue, "x-dead-letter-reason", "fixed since",
                "x-first-failure-at", "2026-11-01T10:00:00Z"));
        hub.startRoute("dead-letter-replay");
        try {
            Message replayed = hub.receive(queue, 20000);
            assertThat(replayed).isNotNull();
            assertThat(new String(replayed.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
            Map<String, Object> headers = replayed.getMessageProperties().getHeaders();
            assertThat(headers).containsEntry("x-first-failure-at", "2026-11-01T10:00:00Z")
                    .doesNotContainKey("x-dead-letter-reason").containsKey("x-replayed-at");
            // acknowledged once republished (the replayed copy can arrive a moment before the ack)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> hub.queueDepth(queue + ".dlq") == 0);
        } finally {
            hub.stopRoute("dead-letter-replay");
        }
    }
}
