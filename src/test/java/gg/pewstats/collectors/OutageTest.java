package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.infra.EmbeddedBroker;
import gg.pewstats.collectors.infra.EmbeddedDatabase;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import gg.pewstats.collectors.testing.TestServers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The hub starts and stays up while PostgreSQL and the broker are away, reports DOWN meanwhile, and once
 * both come up (on the addresses it was given) migrates the schema, reports UP and processes messages.
 */
class OutageTest {

    @Test
    void startsWithoutItsDependenciesAndResumesWhenTheyComeBack() throws Exception {
        String match = PubgSamples.read(PubgSamples.MATCH_2026);
        String matchId = new ObjectMapper().readTree(match).path("data").path("id").asText();
        WireMockServer api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/matches/" + matchId)).willReturn(aResponse().withBody(match)));
        int dbPort = TestServers.freePort();
        int brokerPort = TestServers.freePort();
        int httpPort = TestServers.freePort();
        TestHub hub = null;
        EmbeddedDatabase db = null;
        // the database's passwords exist before it does (kept beside its data directory)
        java.nio.file.Path pgHome = Files.createTempDirectory("outage-pg");
        EmbeddedDatabase.Credentials credentials = EmbeddedDatabase.Credentials.forDataDirectory(pgHome.resolve("data"));
        EmbeddedBroker broker = null;
        CachingConnectionFactory connections = null;
        try {
            hub = TestHub.start(Map.of(
                    "db.url", "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                    "db.user", EmbeddedDatabase.APP_ROLE,
                    "db.password", credentials.appPassword(),
                    "db.migration-retry-seconds", "1",
                    "db.connect-timeout-ms", "1000",
                    "rabbitmq.port", Integer.toString(brokerPort),
                    "rabbitmq.connect-timeout-ms", "1000",
                    "camel.management.port", Integer.toString(httpPort),
                    "pubg.api-base-url", api.baseUrl()));
            assertThat(hub.camel().getStatus()).isEqualTo(ServiceStatus.Started);
            HttpResponse<String> down = health(httpPort);
            assertThat(down.body()).contains("DOWN");
            assertThat(down.statusCode()).isEqualTo(503);

            db = EmbeddedDatabase.start(pgHome.resolve("data"), dbPort, pgHome.resolve("bin"), pgHome.resolve("run"));
            broker = EmbeddedBroker.start(Files.createTempDirectory("outage-broker"), brokerPort, "guest", "guest");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> health(httpPort).statusCode() == 200);
            assertThat(health(httpPort).body()).contains("UP");
            // the sample match names the real CDN: stage 3 is held back (a stopped route reads as DOWN, so
            // only now), and nothing leaves this machine
            hub.stopRoute("telemetry-download");

            connections = new CachingConnectionFactory("127.0.0.1", brokerPort);
            connections.setUsername("guest");
            connections.setPassword("guest");
            MessageProperties properties = new MessageProperties();
            properties.setContentType("application/json");
            String body = "{\"match_id\":\"" + matchId + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                    + "\"match_datetime\":\"2026-04-15T21:45:33Z\"}";
            // stored as discovery stores it: a stage only takes messages for matches the database knows
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                c.createStatement().execute("INSERT INTO matches (match_id, status) VALUES ('" + matchId + "', 'discovered')");
            }
            new RabbitTemplate(connections).send("", hub.queue("match.discovered"),
                    new Message(body.getBytes(StandardCharsets.UTF_8), properties));
            String url = db.jdbcUrl();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.APP_ROLE, credentials.appPassword());
                        ResultSet rs = c.createStatement().executeQuery(
                                "SELECT count(*) FROM match_summaries WHERE match_id = '" + matchId + "'")) {
                    rs.next();
                    return rs.getInt(1) == 100;
                }
            });
        } finally {
            TestHub.stopAll(hub, api);
            if (connections != null) {
                connections.destroy();
            }
            if (broker != null) {
                broker.close();
            }
            if (db != null) {
                db.close();
            }
        }
    }

    private static HttpResponse<String> health(int port) throws Exception {
        return gg.pewstats.collectors.testing.Http.get("http://127.0.0.1:" + port + "/observe/health");
    }

}
