package gg.pewstats.collectors.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;

/**
 * Stages 1 and 2 end to end on a real database and broker, with the PUBG API served by WireMock from
 * real responses: tracked players -> players calls -> new matches stored and published -> participants
 * stored and the telemetry message published. Expected values are read from the source JSON.
 */
class DiscoveryAndSummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GLMN = "account.d1c920088e124f2393455e05c11a8775";
    private static final String CHOCO = "account.15cbf322a9bc45e88b0cd9f12ef4188e";

    static WireMockServer api;
    static TestHub hub;
    static ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
            new ch.qos.logback.core.read.ListAppender<>();
    static JsonNode match2026;
    static JsonNode match2018;
    static String id2026;
    static String id2018;
    static String gone1;
    static String gone2;

    @BeforeAll
    static void start() throws Exception {
        logs.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        match2026 = JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2026));
        match2018 = JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2018));
        id2026 = match2026.path("data").path("id").asText();
        id2018 = match2018.path("data").path("id").asText();

        // The real players response, each player's match list cut to a few ids: both players share the
        // 2026 match (it must be fetched once), and each keeps one real id the API no longer has (404).
        JsonNode players = JSON.readTree(PubgSamples.read(PubgSamples.PLAYERS_TWO));
        ObjectNode glmn = null;
        ObjectNode choco = null;
        for (JsonNode p : players.path("data")) {
            if (GLMN.equals(p.path("id").asText())) {
                glmn = (ObjectNode) p;
            } else if (CHOCO.equals(p.path("id").asText())) {
                choco = (ObjectNode) p;
            }
        }
        gone1 = glmn.path("relationships").path("matches").path("data").get(0).path("id").asText();
        gone2 = choco.path("relationships").path("matches").path("data").get(0).path("id").asText();
        keepMatches(glmn, id2026, id2018, gone1);
        keepMatches(choco, gone2, id2026);

        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withQueryParam("filter[playerIds]", equalTo(GLMN))
                .willReturn(json(onlyPlayer(players, glmn))));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players"))
                .withQueryParam("filter[playerNames]", equalTo("chocoTaco"))
                .willReturn(json(onlyPlayer(players, choco))));
        // once chocoTaco's account id is known, both are asked for in one call
        api.stubFor(get(urlPathEqualTo("/shards/steam/players"))
                .withQueryParam("filter[playerIds]", equalTo(CHOCO + "," + GLMN))
                .willReturn(json(players.toString())));
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id2026)).willReturn(json(match2026.toString())));
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + id2018)).willReturn(json(match2018.toString())));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/(" + gone1 + "|" + gone2 + ")"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/vnd.api+json")
                        .withBody("{\"errors\":[{\"title\":\"Not Found\",\"detail\":\"No match found\"}]}")));

        hub = TestHub.start(Map.of(
                "pubg.api-base-url", api.baseUrl(),
                "pubg.api-keys", "test-key-0000aaaa"));
        // stage 3 held back: the match.telemetry messages stay on their queue to be read here
        hub.stopRoute("telemetry-download");
        // glmn is tracked by account id, chocoTaco by name only (resolved by discovery), the bot never looked up.
        hub.execute("INSERT INTO players (player_id, player_name) VALUES (?, 'glmn'), ('pending:chocoTaco', 'chocoTaco'), "
                + "('ai.349', 'a bot')", GLMN);
    }

    @AfterAll
    static void stop() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        TestHub.stopAll(hub, api);
    }

    @Test
    void discoversStoresAndSummarizesEveryNewMatchOnce() throws Exception {
        // Stage 2 held back so the discovered messages can be read off their queue.
        hub.stopRoute("match-summary");
        hub.runDiscovery();

        assertThat(hub.query("SELECT match_id, status FROM matches WHERE match_id IN (?, ?)", id2026, id2018))
                .extracting(r -> r.get("status")).containsOnly("discovered");
        Map<String, Object> gone = hub.query("SELECT status, error_message FROM matches WHERE match_id = ?", gone1).get(0);
        assertThat(gone.get("status")).isEqualTo("failed");
        assertThat((String) gone.get("error_message")).contains("404");
        assertThat(hub.count("SELECT count(*) FROM matches WHERE match_id = ? AND status = 'failed'", gone2)).isEqualTo(1);

        // every match fetched exactly once, though two players share one; the bot never looked up
        for (String id : List.of(id2026, id2018, gone1, gone2)) {
            api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id)));
        }
        api.verify(0, getRequestedFor(anyUrl()).withQueryParam("filter[playerIds]", containing("ai.")));
        api.verify(2, getRequestedFor(urlPathEqualTo("/shards/steam/players"))
                .withHeader("Authorization", equalTo("Bearer test-key-0000aaaa"))
                .withHeader("Accept", equalTo("application/vnd.api+json"))
                .withHeader("Accept-Encoding", containing("gzip")));
        // the player tracked by name now has its account id
        assertThat(hub.query("SELECT player_id FROM players WHERE player_name = 'chocoTaco'"))
                .extracting(r -> r.get("player_id")).containsExactly(CHOCO);

        // match.discovered: one message per new match found, fields from the match response
        Map<String, JsonNode> discovered = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Message message = hub.receive(hub.queue("match.discovered"), 5000);
            assertThat(message).as("discovered message %d", i + 1).isNotNull();
            JsonNode body = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            discovered.put(body.path("match_id").asText(), body);
        }
        assertThat(hub.receive(hub.queue("match.discovered"), 500)).isNull();
        assertDiscoveredMessage(discovered.get(id2026), match2026, "Rondo");
        assertDiscoveredMessage(discovered.get(id2018), match2018, "Erangel");

        // Stage 2 consumes them (published again as they were).
        for (JsonNode body : discovered.values()) {
            hub.publish(hub.queue("match.discovered"), body.toString());
        }
        hub.startRoute("match-summary");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                hub.count("SELECT count(*) FROM matches WHERE status = 'summarized'") == 2);

        assertSummaries(match2026);
        assertSummaries(match2018);
        // log lines about a match carry its id in the logging context (MDC key matchId)
        assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("participants stored"))
                .extracting(e -> e.getMDCPropertyMap().get("matchId")).containsExactlyInAnyOrder(id2026, id2018);
        // stage 2 fetched each of its matches once
        for (String id : List.of(id2026, id2018)) {
            api.verify(2, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id)));
        }

        Map<String, JsonNode> telemetry = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Message message = hub.receive(hub.queue("match.telemetry"), 10000);
            assertThat(message).as("telemetry message %d", i + 1).isNotNull();
            JsonNode body = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            telemetry.put(body.path("match_id").asText(), body);
        }
        assertTelemetryMessage(telemetry.get(id2026), match2026, "Rondo");
        assertTelemetryMessage(telemetry.get(id2018), match2018, "Erangel");
        assertThat(hub.query("SELECT telemetry_url FROM matches WHERE match_id = ?", id2026))
                .extracting(r -> r.get("telemetry_url")).containsExactly(telemetryUrl(match2026));

        // Idempotent: a second run (one call for both players now) finds nothing new, fetches nothing again.
        long summaryRows = hub.count("SELECT count(*) FROM match_summaries");
        hub.runDiscovery();
        api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/players"))
                .withQueryParam("filter[playerIds]", equalTo(CHOCO + "," + GLMN)));
        for (String id : List.of(gone1, gone2)) {
            api.verify(1, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id)));
        }
        for (String id : List.of(id2026, id2018)) {
            api.verify(2, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id)));
        }
        assertThat(hub.count("SELECT count(*) FROM matches")).isEqualTo(4);
        assertThat(hub.receive(hub.queue("match.telemetry"), 1000)).isNull();

        // A match.discovered delivered again: acknowledged from the match's status, no second fetch, no new
        // rows, nothing published (a match whose next message never went out is recovery's to re-drive)
        hub.publish(hub.queue("match.discovered"), discovered.get(id2026).toString());
        assertThat(hub.receive(hub.queue("match.telemetry"), 3000)).isNull();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> hub.queueDepth(hub.queue("match.discovered")) == 0);
        api.verify(2, getRequestedFor(urlPathEqualTo("/shards/steam/matches/" + id2026)));
        assertThat(hub.count("SELECT count(*) FROM match_summaries")).isEqualTo(summaryRows);
        assertThat(hub.query("SELECT status FROM matches WHERE match_id = ?", id2026))
                .extracting(r -> r.get("status")).containsExactly("summarized");
    }

    private static void assertDiscoveredMessage(JsonNode message, JsonNode match, String mapName) {
        JsonNode attributes = match.path("data").path("attributes");
        assertThat(message).isNotNull();
        assertThat(message.path("map_name").asText()).isEqualTo(mapName);
        assertThat(message.path("game_mode").asText()).isEqualTo(attributes.path("gameMode").asText());
        assertThat(OffsetDateTime.parse(message.path("match_datetime").asText()))
                .isEqualTo(OffsetDateTime.parse(attributes.path("createdAt").asText()));
        assertThat(message.path("telemetry_url").asText()).isEqualTo(telemetryUrl(match));
    }

    private static void assertTelemetryMessage(JsonNode message, JsonNode match, String mapName) {
        assertDiscoveredMessage(message, match, mapName);
        assertThat(message.path("participant_count").asInt()).isEqualTo(participants(match).size());
    }

    /** Every participant's row against its JSON, team facts against its roster. */
    private static void assertSummaries(JsonNode match) throws Exception {
        String matchId = match.path("data").path("id").asText();
        List<JsonNode> participants = participants(match);
        assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ?", matchId))
                .isEqualTo(participants.size());
        Map<String, JsonNode> rosterOf = new HashMap<>();
        for (JsonNode node : match.path("included")) {
            if ("roster".equals(node.path("type").asText())) {
                for (JsonNode member : node.path("relationships").path("participants").path("data")) {
                    rosterOf.put(member.path("id").asText(), node);
                }
            }
        }
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : hub.query("SELECT * FROM match_summaries WHERE match_id = ?", matchId)) {
            rows.put((String) row.get("participant_id"), row);
        }
        for (JsonNode participant : participants) {
            JsonNode stats = participant.path("attributes").path("stats");
            Map<String, Object> row = rows.get(participant.path("id").asText());
            assertThat(row).as("row of participant %s", participant.path("id").asText()).isNotNull();
            assertThat(row.get("player_id")).isEqualTo(stats.path("playerId").asText());
            assertThat(row.get("player_name")).isEqualTo(stats.path("name").asText());
            assertThat(row.get("kills")).isEqualTo(stats.path("kills").asInt());
            assertThat(row.get("dbnos")).isEqualTo(stats.path("DBNOs").asInt());
            assertThat(row.get("assists")).isEqualTo(stats.path("assists").asInt());
            assertThat(row.get("headshot_kills")).isEqualTo(stats.path("headshotKills").asInt());
            assertThat(row.get("kill_place")).isEqualTo(stats.path("killPlace").asInt());
            assertThat(row.get("win_place")).isEqualTo(stats.path("winPlace").asInt());
            assertThat(row.get("weapons_acquired")).isEqualTo(stats.path("weaponsAcquired").asInt());
            assertThat(row.get("death_type")).isEqualTo(stats.path("deathType").asText());
            assertThat((Double) row.get("damage_dealt")).isEqualTo(stats.path("damageDealt").asDouble());
            assertThat((Double) row.get("walk_distance")).isEqualTo(stats.path("walkDistance").asDouble());
            assertThat((Double) row.get("ride_distance")).isEqualTo(stats.path("rideDistance").asDouble());
            assertThat((Double) row.get("time_survived")).isEqualTo(stats.path("timeSurvived").asDouble());
            assertThat((Double) row.get("longest_kill")).isEqualTo(stats.path("longestKill").asDouble());
            assertThat(row.get("is_bot")).isEqualTo(stats.path("playerId").asText().startsWith("ai."));
            JsonNode roster = rosterOf.get(participant.path("id").asText());
            assertThat(row.get("team_id")).isEqualTo(roster.path("attributes").path("stats").path("teamId").asInt());
            assertThat(row.get("team_rank")).isEqualTo(roster.path("attributes").path("stats").path("rank").asInt());
            assertThat(row.get("won")).isEqualTo("true".equals(roster.path("attributes").path("won").asText()));
            assertThat(row.get("game_mode")).isEqualTo(match.path("data").path("attributes").path("gameMode").asText());
        }
        if (match == match2026) {
            assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ? AND is_bot", matchId)).isEqualTo(1);
            assertThat(hub.count("SELECT count(*) FROM match_summaries WHERE match_id = ? AND won", matchId))
                    .isGreaterThan(0);
        }
    }

    static List<JsonNode> participants(JsonNode match) {
        List<JsonNode> result = new java.util.ArrayList<>();
        for (JsonNode node : match.path("included")) {
            if ("participant".equals(node.path("type").asText())) {
                result.add(node);
            }
        }
        return result;
    }

    static String telemetryUrl(JsonNode match) {
        for (JsonNode node : match.path("included")) {
            if ("asset".equals(node.path("type").asText())) {
                return node.path("attributes").path("URL").asText();
            }
        }
        throw new AssertionError("no asset in match");
    }

    private static void keepMatches(ObjectNode player, String... ids) {
        ArrayNode list = JSON.createArrayNode();
        for (String id : ids) {
            list.addObject().put("type", "match").put("id", id);
        }
        ((ObjectNode) player.path("relationships").path("matches")).set("data", list);
    }

    private static String onlyPlayer(JsonNode response, JsonNode player) {
        ObjectNode copy = response.deepCopy();
        copy.putArray("data").add(player);
        return copy.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/vnd.api+json").withBody(body);
    }
}
