package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import gg.pewstats.collectors.testing.PubgSamples;
import gg.pewstats.collectors.testing.TestHub;
import gg.pewstats.collectors.testing.TestServers;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;

/**
 * API keys and the database password never show in logs, JMX attributes, metrics, health or dead-letter
 * headers, also while a key is rejected (401), the API is rate limited and messages are dead-lettered.
 * Only a key's last four characters may show.
 */
class SecretsTest {

    private static final String KEY_1 = "SECRETKEYVALUE-abcdef-0001";
    private static final String KEY_2 = "SECRETKEYVALUE-abcdef-0002";
    private static final String DB_PASSWORD = "SECRETDBPASSWORD-4711";
    private static final String ROLE = TestServers.uniqueName("secrets_");

    static WireMockServer api;
    static TestHub hub;
    static int port;
    static ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void start() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        api = new WireMockServer(options().dynamicPort());
        api.start();
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withHeader("Authorization", equalTo("Bearer " + KEY_1))
                .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[{\"title\":\"Unauthorized\"}]}")));
        api.stubFor(get(urlPathEqualTo("/shards/steam/players")).withHeader("Authorization", equalTo("Bearer " + KEY_2))
                .willReturn(aResponse().withHeader("Content-Type", "application/vnd.api+json").withBody(PubgSamples.read(PubgSamples.PLAYERS_ONE))));
        api.stubFor(get(urlPathMatching("/shards/steam/matches/.*")).willReturn(aResponse().withStatus(500)));
        port = TestServers.freePort();
        // the hub works as a role whose password is the secret (the server checks it, whichever server it is)
        hub = TestHub.start(Map.of("pubg.api-base-url", api.baseUrl(), "pubg.api-keys", KEY_1 + "," + KEY_2,
                "db.user", ROLE, "db.password", DB_PASSWORD, "camel.management.port", Integer.toString(port),
                "pubg.retry.max-attempts", "1"), ".", url -> {
                    TestServers servers = TestServers.get();
                    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, servers.dbUser(), servers.dbPassword());
                            java.sql.Statement s = c.createStatement()) {
                        s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
                        s.execute("GRANT ALL ON SCHEMA public TO " + ROLE);
                    }
                });
        hub.execute("INSERT INTO players (player_id, player_name) VALUES ('account.d50fdc18fcad49c691d38466bed6f8fd', 'shroud')");
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        TestHub.stopAll(hub, api);
        TestServers.get().dropRole(ROLE);
    }

    @Test
    void secretsShowNowhere() throws Exception {
        hub.runDiscovery();
        hub.publish(hub.queue("match.discovered"), "{not json");
        Message dead = hub.receive(hub.queue("match.discovered") + ".dlq", 20000);
        assertThat(dead).isNotNull();

        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : logs.list) {
            texts.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(texts).as("log lines").isNotEmpty().noneMatch(SecretsTest::leaks);
        // the rejected key is named by its last four characters only
        assertThat(texts).anyMatch(t -> t.contains("…0001") && t.contains("401"));

        dead.getMessageProperties().getHeaders().forEach((k, v) ->
                assertThat(leaks(k + "=" + v)).as("dead-letter header %s", k).isFalse());

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        int read = 0;
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            assertThat(leaks(name.toString())).as("MBean name %s", name).isFalse();
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                Object value;
                try {
                    value = server.getAttribute(name, attribute.getName());
                } catch (Exception | Error notReadable) {
                    continue;
                }
                read++;
                assertThat(leaks(String.valueOf(value))).as("%s %s", name, attribute.getName()).isFalse();
            }
        }
        assertThat(read).isGreaterThan(100);

        for (String path : new String[] {"/observe/metrics", "/observe/health"}) {
            String body = gg.pewstats.collectors.testing.Http.get("http://127.0.0.1:" + port + path).body();
            assertThat(leaks(body)).as(path).isFalse();
        }
    }

    private static boolean leaks(String text) {
        return text != null && (text.contains("SECRETKEYVALUE") || text.contains(DB_PASSWORD));
    }
}
