package gg.pewstats.collectors.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Discovery alone, on real PostgreSQL with the broker mocked at its edge and the PUBG API played by
 * WireMock (real match responses): tracked players -> players call -> new matches stored as discovered,
 * one match.discovered message each; a second run finds them known and publishes nothing.
 */
class DiscoveryRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static StubbedPubg pubg;

    private MockEndpoint broker;

    @BeforeAll
    static void api() throws Exception {
        pubg = new StubbedPubg(3, false);
    }

    @AfterAll
    static void stopApi() {
        pubg.close();
    }

    @Override
    protected Properties settings() {
        Properties settings = new Properties();
        settings.put("pubg.api-base-url", pubg.api.baseUrl());
        settings.put("pubg.api-keys", "route-test-key-0000aaaa");
        return settings;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        // no broker to declare queues on; the publish edge is a mock
        AdviceWith.adviceWith(context, "discovery", a -> a.weaveById("discovery-preflight-broker").remove());
        AdviceWith.adviceWith(context, "publish", a -> a.weaveById("publish-confirmed").replace().to("mock:broker"));
        context.start();
        broker = getMockEndpoint("mock:broker");
        execute(pubg.insertPlayersSql());
    }

    @Test
    void newMatchesAreStoredAndPublishedOnceEach() throws Exception {
        broker.expectedMessageCount(3);

        template.sendBody("direct:discovery-run", null);

        broker.assertIsSatisfied();
        assertThat(count("SELECT count(*) FROM matches WHERE status = 'discovered'")).isEqualTo(3);
        Set<String> published = new HashSet<>();
        for (var exchange : broker.getReceivedExchanges()) {
            assertThat(exchange.getMessage().getHeader("CamelSpringRabbitmqRoutingOverrideKey"))
                    .isEqualTo("match.discovered." + database);
            published.add(JSON.readTree(exchange.getMessage().getBody(String.class)).path("match_id").asText());
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(pubg.matchIds);
        // the stored row is the API's: map and mode from the real response
        assertThat(queryOne("SELECT map_name FROM matches WHERE match_id = ?", pubg.matchIds.get(0))).isNotNull();

        broker.reset();
        template.sendBody("direct:discovery-run", null);
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(count("SELECT count(*) FROM matches")).isEqualTo(3);
    }
}
