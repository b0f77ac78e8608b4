package gg.pewstats.collectors.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.RouteTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery alone, on real PostgreSQL with the broker mocked: a match stuck in summarized gets its
 * match.telemetry message again, rebuilt from the stored row; a match past recovery.max-attempts is
 * failed with the reason and its last error; a match that moved recently is left alone.
 */
class RecoveryRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void adviseAndStart() throws Exception {
        startWithBrokerMocked();
    }

    @Test
    void stuckMatchesAreDrivenAgainOrFailed() throws Exception {
        String url = "https://telemetry-cdn.pubg.com/bluehole-pubg/steam/2026/01/01/0/0/stuck.json";
        execute("INSERT INTO matches (match_id, status, telemetry_url, map_name, updated_at) "
                + "VALUES ('stuck', 'summarized', ?, 'Rondo', now() - interval '2 hours')", url);
        execute("INSERT INTO matches (match_id, status, attempts, error_message, updated_at) "
                + "VALUES ('hopeless', 'discovered', 5, 'HTTP 500 from the API', now() - interval '2 hours')");
        execute("INSERT INTO matches (match_id, status, updated_at) VALUES ('moving', 'summarized', now())");
        broker.expectedMessageCount(1);

        template.sendBody("direct:recovery-run", null);

        broker.assertIsSatisfied();
        var published = broker.getReceivedExchanges().get(0).getMessage();
        assertThat(published.getHeader("CamelSpringRabbitmqRoutingOverrideKey")).isEqualTo("match.telemetry." + database);
        JsonNode message = JSON.readTree(published.getBody(String.class));
        assertThat(message.path("match_id").asText()).isEqualTo("stuck");
        assertThat(message.path("telemetry_url").asText()).isEqualTo(url);
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = 'stuck'")).isEqualTo("summarized");
        assertThat(count("SELECT attempts FROM matches WHERE match_id = 'stuck'")).isEqualTo(1);
        assertThat(queryOne("SELECT status FROM matches WHERE match_id = 'hopeless'")).isEqualTo("failed");
        assertThat((String) queryOne("SELECT error_message FROM matches WHERE match_id = 'hopeless'"))
                .contains("recovery.max-attempts").contains("last error: HTTP 500 from the API");
        assertThat(count("SELECT attempts FROM matches WHERE match_id = 'moving'")).isZero();
    }
}
