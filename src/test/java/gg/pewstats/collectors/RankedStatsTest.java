package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ranked stats collector (routes/ranked-stats.camel.yaml) against the PUBG API's real shapes: the
 * seasons endpoint's season ids from PUBG's own seasons dictionary, the ranked endpoint's answer from
 * ../shared/pubg/players. Rows per mode as the answer says, a 404 as "no ranked games", and the calls of
 * its own key pool, or of the main pool it falls back to, never over a key's limit.
 */
class RankedStatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PERIOD_MS = 3000;

    WireMockServer api;
    TestHub hub;
    JsonNode ranked;
    String currentSeason;
    int seasonCount;

    @BeforeEach
    void stubApi() throws Exception {
        api = new WireMockServer(options().dynamicPort());
        api.start();
        String rankedJson = PubgSamples.read("players/pubgkt_ranked_stats_response.json");
        ranked = JSON.readTree(rankedJson);
        currentSeason = ranked.path("data").path("relationships").path("season").path("data").path("id").asText();
        // the seasons endpoint: PUBG's listed PC seasons, then the sample's season as the current one
        ObjectNode seasons = JSON.createObjectNode();
        ArrayNode data = seasons.putArray("data");
        JsonNode dictionary = JSON.readTree(Files.readString(PubgSamples.root().resolve("api-assets/seasons.json")));
        for (JsonNode season : dictionary.path("PC")) {
            data.addObject().put("type", "season").put("id", season.path("id").asText())
                    .putObject("attributes").put("isCurrentSeason", false).put("isOffseason", false);
        }
        data.addObject().put("type", "season").put("id", currentSeason)
                .putObject("attributes").put("isCurrentSeason", true).put("isOffseason", false);
        seasonCount = data.size();
        seasons.putObject("links").put("self", "https://api.pubg.com/shards/steam/seasons");
        seasons.putObject("meta");
        api.stubFor(get(urlPathEqualTo("/shards/steam/seasons")).willReturn(aResponse().withBody(seasons.toString())));
        api.stubFor(get(urlPathMatching("/shards/steam/players/account\\.ranked[0-9]+/seasons/.*/ranked"))
                .willReturn(aResponse().withBody(rankedJson)));
        // an answer that is not JSON (a proxy's error page): that player's pass fails, the others go on
        api.stubFor(get(urlPathMatching("/shards/steam/players/account\\.broken/seasons/.*/ranked"))
                .willReturn(aResponse().withBody("<html><body>502 Bad Gateway</body></html>")));
        api.stubFor(get(urlPathMatching("/shards/steam/players/account\\.unranked/seasons/.*/ranked"))
                .willReturn(aResponse().withStatus(404).withBody("{\"errors\":[{\"title\":\"Not Found\",\"detail\":\"No ranked stats\"}]}")));
    }

    @AfterEach
    void stop() {
        TestHub.stopAll(hub, api);
    }

    private void startHub(Map<String, String> keys) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "pubg.rate-period-ms", Long.toString(PERIOD_MS)));
        settings.putAll(keys);
        hub = TestHub.start(settings);
        for (int i = 1; i <= 4; i++) {
            hub.execute("INSERT INTO players (player_id, player_name) VALUES (?, ?)", "account.ranked" + i, "Ranked" + i);
        }
        hub.execute("INSERT INTO players (player_id, player_name) VALUES ('account.unranked', 'Casual')");
        // not tracked: never asked
        hub.execute("INSERT INTO players (player_id, player_name, tracking_enabled) VALUES ('account.ranked9', 'Gone', FALSE)");
    }

    @Test
    void aPassStoresOneRowPerModeAndTheCurrentSeasonWithinItsOwnKeysLimit() throws Exception {
        startHub(Map.of("pubg.api-keys", "[{\"key\":\"main-key\",\"rpm\":2}]",
                "pubg.ranked-api-keys", "[{\"key\":\"ranked-key\",\"rpm\":2}]"));
        hub.execute("INSERT INTO players (player_id, player_name) VALUES ('account.broken', 'Broken')");
        Object outcomes = hub.camel().createProducerTemplate().requestBody("direct:ranked-stats-run", (Object) null);
        assertThat(outcomes).isEqualTo("1 failed, 1 no ranked games, 4 stored");

        // seasons as the endpoint lists them, its current one flagged
        assertThat(hub.count("SELECT count(*) FROM seasons WHERE platform = 'steam'")).isEqualTo(seasonCount);
        assertThat(hub.query("SELECT id, season_number FROM seasons WHERE is_current")).containsExactly(
                Map.of("id", currentSeason, "season_number", 41));

        // a row per mode of the answer, with its values
        JsonNode squad = ranked.path("data").path("attributes").path("rankedGameModeStats").path("squad");
        List<Map<String, Object>> rows = hub.query("SELECT * FROM ranked_player_stats ORDER BY player_id");
        assertThat(rows).hasSize(4);
        for (Map<String, Object> row : rows) {
            assertThat(row.get("player_id")).asString().startsWith("account.ranked");
            assertThat(row).containsEntry("season_id", currentSeason).containsEntry("game_mode", "squad")
                    .containsEntry("current_tier", squad.path("currentTier").path("tier").asText())
                    .containsEntry("current_sub_tier", squad.path("currentTier").path("subTier").asText())
                    .containsEntry("current_rank_point", squad.path("currentRankPoint").asInt())
                    .containsEntry("best_sub_tier", squad.path("bestTier").path("subTier").asText())
                    .containsEntry("rounds_played", squad.path("roundsPlayed").asInt())
                    .containsEntry("wins", squad.path("wins").asInt())
                    .containsEntry("kills", squad.path("kills").asInt())
                    .containsEntry("deaths", squad.path("deaths").asInt())
                    .containsEntry("assists", squad.path("assists").asInt())
                    .containsEntry("dbnos", squad.path("dBNOs").asInt())
                    .containsEntry("avg_rank", squad.path("avgRank").asText());
            assertThat((BigDecimal) row.get("damage_dealt")).isEqualByComparingTo(
                    BigDecimal.valueOf(squad.path("damageDealt").asDouble()).setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(((BigDecimal) row.get("win_ratio")).doubleValue()).isCloseTo(squad.path("winRatio").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(row.get("collected_at")).isNotNull();
        }

        // a second pass replaces the rows, never adds
        hub.camel().createProducerTemplate().requestBody("direct:ranked-stats-run", (Object) null);
        assertThat(hub.count("SELECT count(*) FROM ranked_player_stats")).isEqualTo(4);

        // every call carried the ranked key, never the main one, and never more than 2 per window
        List<LoggedRequest> calls = api.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(calls).hasSize(14).allSatisfy(call ->
                assertThat(call.getHeader("Authorization")).isEqualTo("Bearer ranked-key"));
        assertWithinLimit(calls, 2);
    }

    @Test
    void withoutItsOwnKeysItSharesTheMainKeysBudgetWithDiscovery() throws Exception {
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).willReturn(aResponse()
                .withBody(PubgSamples.read(PubgSamples.PLAYERS_TWO))));
        startHub(Map.of("pubg.api-keys", "[{\"key\":\"main-key\",\"rpm\":2}]", "discovery.batch-size", "1"));
        // discovery (five players calls, one name each) and a ranked pass at once, on the one key
        CompletableFuture<Object> discovery = CompletableFuture.supplyAsync(() ->
                hub.camel().createProducerTemplate().requestBody("direct:discovery-run", (Object) null));
        Object outcomes = hub.camel().createProducerTemplate().requestBody("direct:ranked-stats-run", (Object) null);
        discovery.get();
        assertThat(outcomes).isEqualTo("1 no ranked games, 4 stored");

        List<LoggedRequest> keyed = new ArrayList<>();
        for (LoggedRequest call : api.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
            if (!call.getUrl().contains("/matches/")) {
                keyed.add(call);
            }
        }
        assertThat(keyed.stream().filter(c -> c.getUrl().startsWith("/shards/steam/players?"))).hasSize(5);
        assertThat(keyed).hasSize(5 + 6).allSatisfy(call ->
                assertThat(call.getHeader("Authorization")).isEqualTo("Bearer main-key"));
        assertWithinLimit(keyed, 2);
    }

    /**
     * No window of PERIOD_MS holds more than {@code limit} of the calls, as the API's side saw them (the
     * times it logged, less a tenth of the period for the connection set-up that delays one call more
     * than the next; without the shared limit the calls come milliseconds apart).
     */
    private static void assertWithinLimit(List<LoggedRequest> calls, int limit) {
        List<Long> times = calls.stream().map(c -> c.getLoggedDate().getTime()).sorted().toList();
        for (int i = limit; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - limit)).as("calls %d and %d", i - limit, i)
                    .isGreaterThanOrEqualTo(PERIOD_MS * 9 / 10);
        }
    }
}
