package gg.pewstats.collectors.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.RouteTestSupport;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery alone, on real PostgreSQL with the broker mocked at its edge and the PUBG API played by
 * WireMock (real match responses): tracked players -> players call -> new matches stored as discovered,
 * one match.discovered message each; a second run finds them known and publishes nothing.
 */
class DiscoveryRouteTest extends RouteTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final StubbedPubg.PerClass API = new StubbedPubg.PerClass(3);

    @Override
    protected Properties settings() {
        Properties settings = new Properties();
        settings.put("pubg.api-base-url", API.get().api.baseUrl());
        settings.put("pubg.api-keys", "route-test-key-0000aaaa");
        return settings;
    }

    @BeforeEach
    void adviseAndStart() throws Exception {
        // no broker to declare queues on; the publish edge is a mock
        AdviceWith.adviceWith(context, "discovery", a -> a.weaveById("discovery-preflight-broker").remove());
        startWithBrokerMocked();
        execute(API.get().insertPlayersSql());
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
        assertThat(published).containsExactlyInAnyOrderElementsOf(API.get().matchIds);
        // the stored row is the API's: map and mode from the real response
        assertThat(queryOne("SELECT map_name FROM matches WHERE match_id = ?", API.get().matchIds.get(0))).isNotNull();

        broker.reset();
        template.sendBody("direct:discovery-run", null);
        assertThat(broker.getReceivedCounter()).isZero();
        assertThat(count("SELECT count(*) FROM matches")).isEqualTo(3);
    }
}
