package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import gg.pewstats.collectors.testing.TestHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * match.completed has no consumer where no hub runs the stats aggregation (this test hub does not): it is
 * declared with a maximum length (on RabbitMQ and on the embedded broker alike), so it keeps the newest
 * messages and never grows without end.
 */
class BoundedQueueTest {

    @Test
    void theCompletedQueueKeepsTheNewestMessagesUpToItsLimit() throws Exception {
        try (TestHub hub = TestHub.start(Map.of("broker.bounded-max-length", "5"))) {
            String queue = hub.queue("match.completed");
            for (int i = 1; i <= 8; i++) {
                hub.publish(queue, "{\"match_id\":\"m-" + i + "\"}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.queueDepth(queue) == 5);
            Thread.sleep(500);
            assertThat(hub.queueDepth(queue)).isEqualTo(5);
            // drop-head: the oldest went
            assertThat(new String(hub.receive(queue, 5000).getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"match_id\":\"m-4\"}");
            // the stage queues are not bounded
            String discovered = hub.queue("match.discovered");
            hub.stopRoute("match-summary");
            for (int i = 0; i < 8; i++) {
                hub.publish(discovered, "{}");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.queueDepth(discovered) == 8);
        }
    }
}
