package gg.pewstats.collectors.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Names the API does not know (404, as for misspelt names) are skipped; the run goes on with the rest. */
class PlayersNotFoundTest {

    static WireMockServer api;
    static TestHub hub;

    @BeforeAll
    static void start() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withQueryParam("filter[playerNames]", equalTo("NoSuchPlayer1,NoSuchPlayer2"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"errors\":[{\"title\":\"Not Found\",\"detail\":\"No Players Found Matching Criteria\"}]}")));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withQueryParam("filter[playerIds]", equalTo("account.d50fdc18fcad49c691d38466bed6f8fd"))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(PubgSamples.read(PubgSamples.PLAYERS_ONE))));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/.*")).willReturn(aResponse().withStatus(404)));
        hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "pubg.api-keys", "key-0000zzzz"));
        hub.execute("INSERT INTO players (player_id, player_name) VALUES ('pending:1', 'NoSuchPlayer1'), "
                + "('pending:2', 'NoSuchPlayer2'), ('account.d50fdc18fcad49c691d38466bed6f8fd', 'shroud')");
    }

    @AfterAll
    static void stop() {
        TestHub.stopAll(hub, api);
    }

    @Test
    void unknownNamesAreSkippedAndTheRunGoesOn() throws Exception {
        hub.runDiscovery();
        api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/players"))
                .withQueryParam("filter[playerNames]", equalTo("NoSuchPlayer1,NoSuchPlayer2")));
        // shroud's 19 recent matches were all asked for (and are gone: stored as failed, not asked again)
        assertThat(hub.count("SELECT count(*) FROM matches WHERE status = 'failed'")).isEqualTo(19);
        assertThat(hub.query("SELECT player_id FROM players WHERE player_name LIKE 'NoSuch%' ORDER BY player_name"))
                .extracting(r -> r.get("player_id")).containsExactly("pending:1", "pending:2");
    }
}
