package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import gg.pewstats.collectors.testing.TestHub;
import gg.pewstats.collectors.testing.TestServers;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What an operator sees of a running hub: its routes by id over JMX, health and metrics over HTTP. */
class HubStartupTest {

    static TestHub hub;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        port = TestServers.freePort();
        hub = TestHub.start(Map.of("camel.management.port", Integer.toString(port)));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void everyRouteIsOnJmxUnderItsIdWithProcessorStatistics() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<String> routeIds = new TreeSet<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:context=pewstats-collectors,type=routes,*"), null)) {
            routeIds.add((String) server.getAttribute(name, "RouteId"));
        }
        assertThat(routeIds).contains("discovery-schedule", "discovery", "discovery-players-batch", "discovery-match",
                "match-summary", "pubg-players", "pubg-match", "dead-letter");
        // Extended statistics: the nodes with ids are there as processors, e.g. the per-key throttle
        Set<String> processorIds = new TreeSet<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:context=pewstats-collectors,type=processors,*"), null)) {
            processorIds.add((String) server.getAttribute(name, "ProcessorId"));
        }
        assertThat(processorIds).contains("pubg-key-throttle", "discovery-publish", "match-summary-store");
        // the endpoints JMX shows carry no secret
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:context=pewstats-collectors,type=endpoints,*"), null)) {
            assertThat(name.toString()).doesNotContainIgnoringCase("password");
        }
    }

    @Test
    void mapAndGameModeNamesComeFromTheOfficialDictionaries() throws Exception {
        com.fasterxml.jackson.databind.JsonNode modes = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                gg.pewstats.collectors.testing.PubgSamples.read("api-assets/dictionaries/gameMode.json"));
        assertThat(hub.count("SELECT count(*) FROM game_modes")).isEqualTo(modes.size());
        modes.fields().forEachRemaining(e -> {
            try {
                assertThat(hub.query("SELECT display_name FROM game_modes WHERE game_mode = ?", e.getKey()))
                        .extracting(r -> r.get("display_name")).containsExactly(e.getValue().asText());
            } catch (java.sql.SQLException ex) {
                throw new AssertionError(ex);
            }
        });
        // the same map names the hub writes into matches.map_name
        for (var row : hub.query("SELECT internal_name, display_name FROM map_names")) {
            assertThat(gg.pewstats.collectors.pubg.GameNames.mapDisplayName((String) row.get("internal_name")))
                    .isEqualTo(row.get("display_name"));
        }
        assertThat(hub.count("SELECT count(*) FROM map_names")).isEqualTo(12);
    }

    @Test
    void healthAndMetricsAnswer() throws Exception {
        HttpResponse<String> health = gg.pewstats.collectors.testing.Http.get("http://127.0.0.1:" + port + "/observe/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
        HttpResponse<String> metrics = gg.pewstats.collectors.testing.Http.get("http://127.0.0.1:" + port + "/observe/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("routeId=\"match-summary\"");
    }
}
