package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator edits a route file while the hub runs: the new behaviour starts, the other routes run on. */
class RouteReloadTest {

    @TempDir
    Path home;

    @Test
    void editingTheDiscoveryCronTakesEffectWithoutARestart() throws Exception {
        for (String folder : new String[] {"config", "routes"}) {
            Files.createDirectories(home.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path file : files.toList()) {
                    Files.copy(file, home.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).willReturn(aResponse()
                .withHeader("Content-Type", "application/vnd.api+json").withBody(PubgSamples.read(PubgSamples.PLAYERS_ONE))));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/.*")).willReturn(aResponse().withStatus(404)));
        TestHub hub = null;
        try {
            hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "pubg.api-keys", "reload-key-0001"), home.toString());
            hub.execute("INSERT INTO players (player_id, player_name) VALUES ('account.d50fdc18fcad49c691d38466bed6f8fd', 'shroud')");
            Route summaryBefore = hub.camel().getRoute("match-summary");
            Thread.sleep(3000);
            api.verify(0, getRequestedFor(urlPathEqualTo("/shards/steam/players")));

            // the operator makes discovery run every second
            Path discovery = home.resolve("routes").resolve("discovery.camel.yaml");
            String edited = Files.readString(discovery).replace("cron: \"{{discovery.cron}}\"", "cron: \"0/1 * * * * ?\"");
            assertThat(edited).contains("0/1 * * * * ?");
            Files.writeString(discovery, edited);

            await().atMost(Duration.ofSeconds(30)).until(() ->
                    api.countRequestsMatching(getRequestedFor(urlPathEqualTo("/shards/steam/players")).build()).getCount() >= 2);
            // the other routes were not touched: the same route, running since before the edit
            Route summaryAfter = hub.camel().getRoute("match-summary");
            assertThat(summaryAfter).isSameAs(summaryBefore);
            assertThat(summaryAfter.getUptimeMillis()).isGreaterThan(3000);
            assertThat(hub.camel().getRouteController().getRouteStatus("telemetry-extraction").isStarted()).isTrue();
        } finally {
            TestHub.stopAll(hub, api);
        }
    }
}
