package gg.pewstats.collectors.testing;

import gg.pewstats.collectors.CollectorsApplication;
import gg.pewstats.collectors.infra.BrokerTopology;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import java.util.Properties;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * The hub as {@code java -jar collectors.jar} runs it (same routes, same configuration file), booted in
 * the test JVM against {@link TestServers}: a database and queue names of its own (queue suffix
 * {@link #env()}), the PUBG API at the URL the test gives. Closing it stops the hub, deletes its queues
 * and drops its database.
 */
public final class TestHub implements AutoCloseable {

    private final Main main;
    private final String env;
    private final String database;
    private final String jdbcUrl;
    private final TestServers servers;
    private final CachingConnectionFactory testConnections;
    private final RabbitTemplate rabbit;

    private TestHub(Main main, String env, String database, String jdbcUrl, TestServers servers) {
        this.main = main;
        this.env = env;
        this.database = database;
        this.jdbcUrl = jdbcUrl;
        this.servers = servers;
        this.testConnections = new CachingConnectionFactory(servers.amqpHost, servers.amqpPort);
        testConnections.setUsername(servers.amqpUser);
        testConnections.setPassword(servers.amqpPassword);
        this.rabbit = new RabbitTemplate(testConnections);
    }

    /** Starts a hub; {@code overrides} win over config/application.properties and the environment. */
    public static TestHub start(Map<String, String> overrides) throws Exception {
        return start(overrides, ".");
    }

    /** A hub whose config/ and routes/ are read from {@code home} (for tests that edit them). */
    public static TestHub start(Map<String, String> overrides, String home) throws Exception {
        return start(overrides, home, url -> { });
    }

    /** What a test does to its hub's new database before the hub starts (given the database's JDBC URL). */
    @FunctionalInterface
    public interface DatabaseSetup {
        void prepare(String jdbcUrl) throws Exception;
    }

    /** A hub whose database the test prepares first, for example with the live PewStats tables. */
    public static TestHub start(Map<String, String> overrides, String home, DatabaseSetup setup) throws Exception {
        TestServers servers = TestServers.get();
        String env = TestServers.uniqueName("t");
        String database = TestServers.uniqueName("pewstats_test_");
        String jdbcUrl = servers.createDatabase(database);
        try {
            setup.prepare(jdbcUrl);
        } catch (Exception e) {
            servers.dropDatabase(database);
            throw e;
        }

        Main main = new Main();
        Map<String, String> props = new LinkedHashMap<>();
        props.put("hub.env", env);
        props.put("hub.worker-id", "test-worker");
        props.put("db.url", jdbcUrl);
        props.put("db.user", servers.dbUser);
        props.put("db.password", servers.dbPassword);
        props.put("db.pool-size", "5");
        props.put("rabbitmq.url", "");
        props.put("rabbitmq.host", servers.amqpHost);
        props.put("rabbitmq.port", Integer.toString(servers.amqpPort));
        props.put("rabbitmq.username", servers.amqpUser);
        props.put("rabbitmq.password", servers.amqpPassword);
        props.put("rabbitmq.vhost", "");
        props.put("pubg.api-keys", "");
        // discovery and recovery run when a test asks for them (direct:discovery-run, direct:recovery-run),
        // never on their own in the middle of a test
        props.put("discovery.cron", "0 0 0 1 1 ? 2099");
        props.put("recovery.cron", "0 0 0 1 1 ? 2099");
        props.put("ranked.cron", "0 0 0 1 1 ? 2099");
        props.put("tournament.cron", "0 0 0 1 1 ? 2099");
        props.put("camel.management.port", Integer.toString(TestServers.freePort()));
        props.put("stage.retry.initial-delay-ms", "100");
        props.put("metrics.status-refresh-ms", "500");
        props.put("pubg.retry.initial-delay-ms", "100");
        // match.completed is read by the tests themselves unless a test runs the stats aggregation
        props.put("stage.stats-aggregation.enabled", "false");
        props.putAll(overrides);
        Properties overrideProperties = new Properties();
        overrideProperties.putAll(props);
        // The environment is not read at all: a developer's exported DB_URL must never reach a test hub.
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport m) {
                var pc = (org.apache.camel.component.properties.PropertiesComponent)
                        m.getCamelContext().getPropertiesComponent();
                pc.setOverrideProperties(overrideProperties);
                pc.setEnvironmentVariableMode(
                        org.apache.camel.component.properties.PropertiesComponent.ENVIRONMENT_VARIABLES_MODE_NEVER);
            }
        });
        CollectorsApplication.configure(main, home);
        props.forEach(main::addOverrideProperty);
        TestHub hub = new TestHub(main, env, database, jdbcUrl, servers);
        try {
            main.start();
        } catch (Exception e) {
            hub.close();
            throw e;
        }
        return hub;
    }

    /** The text of {@code /observe/metrics} (Prometheus format). */
    public String metrics() throws Exception {
        String port = camel().getPropertiesComponent().resolveProperty("camel.management.port").orElseThrow();
        return Http.get("http://127.0.0.1:" + port + "/observe/metrics").body();
    }

    /** The value of one metric line, e.g. {@code pewstats_rows_written_total{table="landings"}}; -1 when absent. */
    public double metric(String nameAndLabels) throws Exception {
        for (String line : metrics().split("\n")) {
            if (line.startsWith(nameAndLabels + " ")) {
                return Double.parseDouble(line.substring(nameAndLabels.length() + 1).trim());
            }
        }
        return -1;
    }

    /** As {@link #metric(String)}, with 0 for a series that has not been created yet. */
    public double metricOrZero(String nameAndLabels) throws Exception {
        return Math.max(0, metric(nameAndLabels));
    }

    public CamelContext camel() {
        return main.getCamelContext();
    }

    /** The queue-name suffix of this hub: queues are {@code match.discovered.<env>} and so on. */
    public String env() {
        return env;
    }

    public String queue(String stageQueue) {
        return stageQueue + "." + env;
    }

    /** Runs one discovery and waits for it to finish. */
    public void runDiscovery() {
        ProducerTemplate producer = camel().createProducerTemplate();
        producer.sendBody("direct:discovery-run", null);
    }

    public void stopRoute(String routeId) throws Exception {
        camel().getRouteController().stopRoute(routeId);
    }

    public void startRoute(String routeId) throws Exception {
        camel().getRouteController().startRoute(routeId);
    }

    /** Takes the next message off a queue, or null when none arrives within the timeout. */
    public Message receive(String queue, long timeoutMillis) {
        return rabbit.receive(queue, timeoutMillis);
    }

    public void publish(String queue, String body) {
        publish(queue, body, Map.of());
    }

    public void publish(String queue, String body, Map<String, Object> headers) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        headers.forEach(properties::setHeader);
        rabbit.send("", queue, new Message(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties));
    }

    public long queueDepth(String queue) {
        var info = new RabbitAdmin(testConnections).getQueueInfo(queue);
        return info == null ? -1 : info.getMessageCount();
    }

    public List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        return ((Number) query(sql, params).get(0).values().iterator().next()).longValue();
    }

    public void execute(String sql, Object... params) throws SQLException {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, servers.dbUser, servers.dbPassword);
    }

    /** Stops a test's hub and its stand-in API, whichever of them started. */
    public static void stopAll(TestHub hub, com.github.tomakehurst.wiremock.WireMockServer api) {
        if (hub != null) {
            hub.close();
        }
        if (api != null) {
            api.stop();
        }
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception e) {
            System.err.println("[tests] hub did not stop cleanly: " + e);
        }
        try {
            RabbitAdmin admin = new RabbitAdmin(testConnections);
            for (String stage : List.of("match.discovered", "match.telemetry", "match.processing.telemetry",
                    "match.completed")) {
                admin.deleteQueue(queue(stage));
                admin.deleteQueue(queue(stage) + BrokerTopology.DEAD_LETTER_SUFFIX);
            }
        } finally {
            testConnections.destroy();
            servers.dropDatabase(database);
        }
    }
}
