package gg.pewstats.collectors.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.MainConfigurationProperties;
import org.apache.camel.spi.Registry;
import org.apache.camel.test.junit5.CamelContextConfiguration;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.test.main.junit5.CamelMainTestSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The route tier: the hub's own route files and configuration booted by camel-test-main (as the hub's
 * Main boots them), on a real PostgreSQL database of the test's own (migrated by the hub's migrations,
 * dropped afterwards), with no broker at all. The stage consumers do not start; a test advises the
 * route it tests (AdviceWith) so its broker edges go to mock endpoints, starts the context and sends
 * messages in. No hub infrastructure (embedded servers, queue declarations) runs.
 */
public abstract class RouteTestSupport extends CamelMainTestSupport {

    // set in configureContext, which CamelTestSupport calls from its constructor (before field initializers)
    protected TestServers servers;
    protected String database;
    protected Path storage;
    private HikariDataSource dataSource;

    /** Settings the test adds (the PUBG API's URL, keys…), over config/application.properties. */
    protected Properties settings() {
        return new Properties();
    }

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        // the context starts when the test has advised its routes
        configuration.withUseAdviceWith(true);
    }

    @Override
    public void configureContext(CamelContextConfiguration configuration) {
        super.configureContext(configuration);
        servers = TestServers.get();
        database = TestServers.uniqueName("pewstats_route_");
        Properties properties = new Properties();
        properties.put("hub.env", database);
        properties.put("hub.worker-id", "route-test");
        properties.put("telemetry.storage-path", storage().toString());
        properties.put("pubg.api-keys", "");
        properties.put("stage.retry.initial-delay-ms", "10");
        properties.put("pubg.retry.initial-delay-ms", "10");
        for (String stage : gg.pewstats.collectors.cli.CollectorsCommand.STAGES) {
            properties.put("stage." + stage + ".enabled", "false");
        }
        properties.putAll(settings());
        configuration.withUseOverridePropertiesWithPropertiesComponent(properties);
    }

    @Override
    protected String getPropertyPlaceholderLocations() {
        return "file:config/application.properties";
    }

    @Override
    protected void configure(MainConfigurationProperties configuration) {
        configuration.withRoutesIncludePattern("file:routes/*.camel.yaml");
        configuration.withRoutesReloadEnabled(false);
        configuration.withJmxEnabled(false);
        configuration.httpManagementServer().withEnabled(false);
    }

    /** The registry starts with what the hub's infrastructure binds, before the route files' beans use it. */
    @Override
    protected Registry createCamelRegistry() throws Exception {
        Registry registry = new org.apache.camel.support.DefaultRegistry();
        bindInfrastructure(registry);
        return registry;
    }

    private void bindInfrastructure(Registry registry) throws Exception {
        String url = servers.createDatabase(database);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(servers.dbUser());
        dataSource.setPassword(servers.dbPassword());
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        registry.bind("dataSource", dataSource);
        registry.bind("metricsRegistry", new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        registry.bind("discoveryRunGuard", new gg.pewstats.collectors.discovery.DiscoveryRunGuard());
        // no broker: a factory for a port nobody listens on. Nothing may reach it; the broker edges are mocked.
        CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 9);
        registry.bind("connectionFactory", nowhere);
        registry.bind("brokerTopology", new gg.pewstats.collectors.infra.BrokerTopology(nowhere, "pewstats",
                java.util.List.of(), java.util.List.of(), 1, "reject-publish"));
    }

    private Path storage() {
        if (storage == null) {
            try {
                storage = Files.createTempDirectory("route-test-telemetry");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return storage;
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (dataSource != null) {
            dataSource.close();
        }
        servers.dropDatabase(database);
        if (storage != null) {
            try (var files = Files.walk(storage)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** What the advised routes published (routing key in header CamelSpringRabbitmqRoutingOverrideKey). */
    protected MockEndpoint broker;
    /** What the advised routes dead-lettered (reason in header x-dead-letter-reason). */
    protected MockEndpoint deadLetters;

    /**
     * The broker's edges replaced by mock endpoints (the publish route's send to mock:broker, the
     * dead-letter route's to mock:dead-letters), then the context started.
     */
    protected void startWithBrokerMocked() throws Exception {
        AdviceWith.adviceWith(context, "publish", a -> a.weaveById("publish-confirmed").replace().to("mock:broker"));
        AdviceWith.adviceWith(context, "dead-letter", a -> a.weaveById("dead-letter-publish").replace().to("mock:dead-letters"));
        context.start();
        broker = getMockEndpoint("mock:broker");
        deadLetters = getMockEndpoint("mock:dead-letters");
    }

    /**
     * One stage of the template with its queue consumer replaced by {@code from} (a direct: endpoint the
     * test sends messages to), the broker's edges mocked, the context and that stage started.
     */
    protected void startStage(String stage, String from) throws Exception {
        AdviceWith.adviceWith(context, stage, a -> a.replaceFromWith(from));
        startWithBrokerMocked();
        // the stage consumers do not start with the context (stage.*.enabled=false): this one, advised, does
        context.getRouteController().startRoute(stage);
    }

    /** The test's own database (migrated), as the hub's routes see it. */
    protected javax.sql.DataSource dataSource() {
        return dataSource;
    }

    protected void execute(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        }
    }

    protected Object queryOne(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    protected long count(String sql, Object... params) throws SQLException {
        return ((Number) queryOne(sql, params)).longValue();
    }
}
