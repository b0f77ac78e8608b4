package gg.pewstats.collectors.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import gg.pewstats.collectors.telemetry.TelemetryGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A stand-in PUBG API and telemetry CDN for whole-pipeline tests: ten tracked players whose recent
 * matches are {@code matches} copies of the real 2026 squad match (own ids), each with the same small
 * modern telemetry file. With {@code trouble}, calls fail the first time: 429s on the players call,
 * connection resets and 503s from /matches, timeouts and 500s from the CDN.
 */
public final class StubbedPubg implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final WireMockServer api;
    public final List<String> matchIds = new ArrayList<>();
    /** The tracked players: account ids of the telemetry's first ten players. */
    public final List<String> playerIds;
    /** Rows per telemetry table a completed match must have, read from the telemetry file itself. */
    public final Map<String, Long> expectedRows;

    public StubbedPubg(int matches, boolean trouble) throws IOException {
        TelemetryGenerator generator = new TelemetryGenerator(12, 4, 700, 5);
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        generator.write(json);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(json.toByteArray());
        }
        playerIds = generator.accountIds().subList(0, 10);
        expectedRows = expectedRows(JSON.readTree(json.toByteArray()), playerIds);

        api = new WireMockServer(options().dynamicPort().containerThreads(40));
        api.start();
        ObjectNode template = (ObjectNode) JSON.readTree(PubgSamples.read(PubgSamples.MATCH_2026));
        for (int i = 0; i < matches; i++) {
            String id = String.format("%08x-0000-4000-8000-%012x", i + 1, i + 1);
            matchIds.add(id);
            ObjectNode match = template.deepCopy();
            ((ObjectNode) match.path("data")).put("id", id);
            for (JsonNode node : match.path("included")) {
                if ("asset".equals(node.path("type").asText())) {
                    ((ObjectNode) node.path("attributes")).put("URL", api.baseUrl() + "/telemetry/" + id + ".json");
                }
            }
            String matchPath = "/shards/steam/matches/" + id;
            String telemetryPath = "/telemetry/" + id + ".json";
            var matchOk = aResponse().withBody(match.toString());
            var telemetryOk = aResponse().withHeader("Content-Encoding", "gzip").withBody(gz.toByteArray());
            if (trouble && i % 11 == 1) {
                failOnce(matchPath, "m" + i, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), matchOk);
            } else if (trouble && i % 5 == 0) {
                failOnce(matchPath, "m" + i, aResponse().withStatus(503), matchOk);
            } else {
                api.stubFor(get(urlPathEqualTo(matchPath)).willReturn(matchOk));
            }
            if (trouble && i % 13 == 2) {
                failOnce(telemetryPath, "t" + i, aResponse().withFixedDelay(4000).withBody(gz.toByteArray()), telemetryOk);
            } else if (trouble && i % 7 == 0) {
                failOnce(telemetryPath, "t" + i, aResponse().withStatus(500), telemetryOk);
            } else {
                api.stubFor(get(urlPathEqualTo(telemetryPath)).willReturn(telemetryOk));
            }
        }
        ObjectNode players = JSON.createObjectNode();
        ArrayNode data = players.putArray("data");
        for (int p = 0; p < playerIds.size(); p++) {
            ObjectNode player = data.addObject().put("type", "player").put("id", playerIds.get(p));
            player.putObject("attributes").put("name", "player" + p).put("shardId", "steam");
            ArrayNode refs = player.putObject("relationships").putObject("matches").putArray("data");
            for (int m = p; m < matches; m += playerIds.size()) {
                refs.addObject().put("type", "match").put("id", matchIds.get(m));
            }
        }
        var playersOk = aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(players.toString());
        if (trouble) {
            api.stubFor(get(urlPathEqualTo("/shards/steam/players")).inScenario("players").whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("once"));
            failOnce("/shards/steam/players", "players", "once", aResponse().withStatus(429).withHeader("Retry-After", "1"), playersOk);
        } else {
            api.stubFor(get(urlPathEqualTo("/shards/steam/players")).willReturn(playersOk));
        }
    }

    private void failOnce(String path, String scenario, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success) {
        failOnce(path, scenario, STARTED, failure, success);
    }

    private void failOnce(String path, String scenario, String state,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder success) {
        api.stubFor(get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state).willReturn(failure)
                .willSetStateTo(state + "-done"));
        api.stubFor(get(urlPathEqualTo(path)).inScenario(scenario).whenScenarioStateIs(state + "-done").willReturn(success));
    }

    /** The SQL that tracks the ten players. */
    public String insertPlayersSql() {
        StringBuilder insert = new StringBuilder("INSERT INTO players (player_id, player_name) VALUES ");
        for (int p = 0; p < playerIds.size(); p++) {
            insert.append(p == 0 ? "" : ", ").append("('").append(playerIds.get(p)).append("', 'player").append(p).append("')");
        }
        return insert.toString();
    }

    /** Environment for a hub process talking to this stand-in (plus what the caller adds). */
    public Map<String, String> hubEnvironment(TestServers servers, String dbUrl, String queueSuffix, String storage) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", dbUrl);
        env.put("DB_USER", servers.dbUser());
        env.put("DB_PASSWORD", servers.dbPassword());
        env.put("RABBITMQ_HOST", servers.amqpHost());
        env.put("RABBITMQ_PORT", Integer.toString(servers.amqpPort()));
        env.put("ENVIRONMENT", queueSuffix);
        env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        env.put("PUBG_API_KEYS", "stub-key-0001");
        env.put("PUBG_API_BASE_URL", api.baseUrl());
        env.put("PUBG_RETRY_INITIAL_DELAY_MS", "200");
        env.put("STAGE_RETRY_INITIAL_DELAY_MS", "500");
        env.put("TELEMETRY_STORAGE_PATH", storage);
        env.put("TELEMETRY_ALLOWED_HOSTS", "localhost");
        env.put("TELEMETRY_ALLOWED_SCHEMES", "http");
        env.put("TELEMETRY_DOWNLOAD_TIMEOUT_MS", "2000");
        return env;
    }

    private static Map<String, Long> expectedRows(JsonNode events, List<String> tracked) {
        Map<String, Long> byType = new HashMap<>();
        long damage = 0;
        long trackedPositions = 0;
        List<Double> circles = new ArrayList<>();
        for (JsonNode e : events) {
            String type = e.path("_T").asText();
            byType.merge(type, 1L, Long::sum);
            if ("LogPlayerPosition".equals(type) && tracked.contains(e.path("character").path("accountId").asText())) {
                trackedPositions++;
            }
            if ("LogPlayerTakeDamage".equals(type) && (tracked.contains(e.path("victim").path("accountId").asText())
                    || tracked.contains(e.path("attacker").path("accountId").asText("")))) {
                damage++;
            }
            if ("LogGameStatePeriodic".equals(type)) {
                double r = e.path("gameState").path("poisonGasWarningRadius").asDouble();
                if (r > 0 && !circles.contains(r)) {
                    circles.add(r);
                }
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("landings", byType.getOrDefault("LogParachuteLanding", 0L));
        rows.put("kill_positions", byType.getOrDefault("LogPlayerKillV2", 0L));
        rows.put("weapon_kill_events", byType.getOrDefault("LogPlayerKillV2", 0L) + byType.getOrDefault("LogPlayerMakeGroggy", 0L));
        rows.put("player_damage_events", damage);
        rows.put("circle_positions", (long) circles.size());
        rows.put("player_knock_events", byType.getOrDefault("LogPlayerMakeGroggy", 0L));
        rows.put("player_circle_positions", trackedPositions);
        return rows;
    }

    @Override
    public void close() {
        api.stop();
    }

    /**
     * A stand-in for one test class ({@code @RegisterExtension static}): started before the class's
     * first test (and before its own {@code @BeforeAll} methods), stopped after its last.
     */
    public static final class PerClass implements org.junit.jupiter.api.extension.BeforeAllCallback,
            org.junit.jupiter.api.extension.AfterAllCallback {

        private final int matches;
        private StubbedPubg stub;

        public PerClass(int matches) {
            this.matches = matches;
        }

        @Override
        public void beforeAll(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
            stub = new StubbedPubg(matches, false);
        }

        @Override
        public void afterAll(org.junit.jupiter.api.extension.ExtensionContext context) {
            stub.close();
        }

        public StubbedPubg get() {
            return stub;
        }
    }
}
