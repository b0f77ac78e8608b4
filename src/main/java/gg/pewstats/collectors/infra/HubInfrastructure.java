package gg.pewstats.collectors.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * Chooses and wires the hub's database and broker before any route starts: the configured servers when
 * {@code db.url} / {@code rabbitmq.url} or {@code rabbitmq.host} are set, embedded ones otherwise. Binds
 * {@code dataSource}, {@code connectionFactory} and {@code amqpAdmin} in the registry with health checks
 * for both, migrates the schema with Flyway (later, if PostgreSQL is away at startup) and declares the
 * queues on every broker connection. It runs before the route files are read, so their beans
 * can use these. Everything it starts is stopped, in reverse order, after the routes when Camel shuts down.
 */
public class HubInfrastructure extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HubInfrastructure.class);

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        try {
            configure(main.getCamelContext());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("hub infrastructure failed to start: " + e.getMessage(), e);
        }
    }

    void configure(CamelContext camel) throws Exception {
        PropertiesComponent props = camel.getPropertiesComponent();
        requireServersOutsideDev(props);
        HikariDataSource dataSource = dataSource(camel, props);
        SchemaMigration migration = new SchemaMigration(dataSource);
        stopOnShutdown(camel, "schema migration retries", migration);
        migration.start(Long.parseLong(required(props, "db.migration-retry-seconds")));
        camel.getRegistry().bind("dataSource", dataSource);
        camel.getRegistry().bind("schemaMigration", migration);
        camel.getRegistry().bind("databaseHealthCheck", new DependencyHealthChecks.Database(dataSource, migration::isMigrated));

        CachingConnectionFactory connectionFactory = connectionFactory(camel, props);
        List<String> queues = Arrays.stream(required(props, "broker.queues").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> bounded = Arrays.stream(optional(props, "broker.bounded-queues").split(","))
                .map(String::trim).filter(q -> !q.isEmpty()).toList();
        BrokerTopology topology = new BrokerTopology(connectionFactory, required(props, "broker.exchange"), queues,
                bounded, Long.parseLong(required(props, "broker.bounded-max-length")), required(props, "broker.bounded-overflow"));
        camel.getRegistry().bind("connectionFactory", connectionFactory);
        camel.getRegistry().bind("brokerHealthCheck", new DependencyHealthChecks.Broker(connectionFactory));
        // one Prometheus registry for Camel's route metrics (it takes the bean of this name) and the pipeline's
        camel.getRegistry().bind("metricsRegistry", new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
        camel.getRegistry().bind("amqpAdmin", topology.admin());
        // discovery stops between calls on shutdown (a bean the route files use, told of the shutdown first)
        gg.pewstats.collectors.discovery.DiscoveryRunGuard guard = new gg.pewstats.collectors.discovery.DiscoveryRunGuard();
        camel.getManagementStrategy().addEventNotifier(guard);
        camel.getRegistry().bind("discoveryRunGuard", guard);
        camel.getRegistry().bind("brokerTopology", topology);
    }

    /**
     * Outside dev and test (hub.env) the embedded servers start only when hub.embedded=true says so: a
     * production hub with a setting missing stops here, naming it, instead of writing to ./data.
     */
    static void requireServersOutsideDev(PropertiesComponent props) {
        String env = optional(props, "hub.env");
        String embedded = optional(props, "hub.embedded");
        boolean allowed = embedded.isEmpty() ? List.of("dev", "test").contains(env) : Boolean.parseBoolean(embedded);
        if (allowed) {
            return;
        }
        List<String> missing = new java.util.ArrayList<>();
        if (optional(props, "db.url").isEmpty()) {
            missing.add("the database: db.url (DB_URL, DATABASE_URL, or POSTGRES_HOST with POSTGRES_PORT and POSTGRES_DB)");
        }
        if (optional(props, "rabbitmq.url").isEmpty() && optional(props, "rabbitmq.host").isEmpty()) {
            missing.add("the broker: rabbitmq.url or rabbitmq.host (RABBITMQ_URL or RABBITMQ_HOST)");
        }
        if (!missing.isEmpty()) {
            throw new ConfigurationError("ENVIRONMENT is '" + env + "' and no server is set for "
                    + String.join("; and for ", missing) + ". The embedded servers start only in dev and test, "
                    + "or with hub.embedded=true (HUB_EMBEDDED=true).");
        }
    }

    private HikariDataSource dataSource(CamelContext camel, PropertiesComponent props) throws Exception {
        String url = optional(props, "db.url");
        String user = optional(props, "db.user");
        String password = optional(props, "db.password");
        if (url.isEmpty()) {
            Path dir = Path.of(required(props, "db.embedded.data-dir")).toAbsolutePath();
            int port = Integer.parseInt(required(props, "db.embedded.port"));
            EmbeddedDatabase.Credentials credentials = EmbeddedDatabase.Credentials.forDataDirectory(dir);
            user = EmbeddedDatabase.APP_ROLE;
            password = credentials.appPassword();
            if (port > 0 && listening(port) && EmbeddedServers.heldByAnother(dir.resolve("epg-lock"))) {
                // a hub running on the same data (a command beside it) serves this database: join it
                url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                LOG.info("Database: the embedded PostgreSQL of the hub running on this data, 127.0.0.1:{}", port);
            } else {
                if (port > 0 && listening(port)) {
                    var orphan = EmbeddedServers.orphanPostgres(dir, port);
                    if (orphan.isEmpty()) {
                        throw new ConfigurationError("127.0.0.1:" + port + " is taken by a program that is not this hub's "
                                + "embedded PostgreSQL (data in " + dir + "): stop it, or set db.embedded.port "
                                + "(DB_EMBEDDED_PORT) to a free port");
                    }
                    LOG.warn("Database: stopping the embedded PostgreSQL (pid {}) left running on 127.0.0.1:{} by a hub "
                            + "that was killed; starting it again", orphan.get().pid(), port);
                    EmbeddedServers.stop(orphan.get(), 20);
                }
                EmbeddedDatabase embedded = EmbeddedDatabase.start(dir, port,
                        Path.of(required(props, "db.embedded.binaries-dir")), Path.of(required(props, "db.embedded.socket-dir")));
                stopOnShutdown(camel, "embedded PostgreSQL", embedded);
                url = embedded.jdbcUrl();
                LOG.info("Database: embedded PostgreSQL on 127.0.0.1:{} as role '{}', data in {}", embedded.port(),
                        user, dir);
            }
        } else {
            LOG.info("Database: {} as user '{}'", Secrets.jdbcUrlForLog(url), user);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("pewstats-db");
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(Integer.parseInt(required(props, "db.pool-size")));
        // the pool starts without a connection, so the hub starts while PostgreSQL is away
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(Long.parseLong(required(props, "db.connect-timeout-ms")));
        HikariDataSource dataSource = new HikariDataSource(config);
        stopOnShutdown(camel, "database pool", dataSource);
        return dataSource;
    }

    private CachingConnectionFactory connectionFactory(CamelContext camel, PropertiesComponent props)
            throws Exception {
        String uri = optional(props, "rabbitmq.url");
        String host = optional(props, "rabbitmq.host");
        String user = required(props, "rabbitmq.username");
        String password = optional(props, "rabbitmq.password");
        CachingConnectionFactory factory;
        if (!uri.isEmpty()) {
            com.rabbitmq.client.ConnectionFactory rabbit = new com.rabbitmq.client.ConnectionFactory();
            rabbit.setUri(uri);
            factory = new CachingConnectionFactory(rabbit);
            LOG.info("Broker: RabbitMQ at {}", Secrets.amqpUriForLog(uri));
        } else {
            int port;
            if (host.isEmpty()) {
                Path dir = Path.of(required(props, "broker.embedded.data-dir")).toAbsolutePath();
                port = Integer.parseInt(required(props, "broker.embedded.port"));
                EmbeddedBroker.Credentials credentials = EmbeddedBroker.Credentials.forDataDirectory(dir);
                user = credentials.user();
                password = credentials.password();
                host = "127.0.0.1";
                if (listening(port)) {
                    if (!EmbeddedServers.heldByAnother(dir.resolve(EmbeddedBroker.LOCK))) {
                        throw new ConfigurationError("127.0.0.1:" + port + " is taken by a program that is not this hub's "
                                + "embedded broker (data in " + dir + "): stop it, or set broker.embedded.port "
                                + "(BROKER_EMBEDDED_PORT) to a free port");
                    }
                    LOG.info("Broker: the embedded broker of the hub running on this data, 127.0.0.1:{}", port);
                } else {
                    EmbeddedBroker broker = EmbeddedBroker.start(dir, port, user, password);
                    stopOnShutdown(camel, "embedded broker", broker);
                    LOG.info("Broker: embedded AMQP 0-9-1 broker (Qpid Broker-J) on 127.0.0.1:{}, data in {}",
                            port, broker.dataDirectory());
                }
            } else {
                port = Integer.parseInt(required(props, "rabbitmq.port"));
                LOG.info("Broker: RabbitMQ at amqp://{}@{}:{}{}", user, host, port,
                        optional(props, "rabbitmq.vhost"));
            }
            factory = new CachingConnectionFactory(host, port);
            factory.setUsername(user);
            factory.setPassword(password);
            String vhost = optional(props, "rabbitmq.vhost");
            if (!vhost.isEmpty()) {
                factory.setVirtualHost(vhost);
            }
        }
        factory.setConnectionNameStrategy(f -> "pewstats-collectors");
        factory.setConnectionTimeout(Integer.parseInt(required(props, "rabbitmq.connect-timeout-ms")));
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        stopOnShutdown(camel, "broker connections", factory::destroy);
        return factory;
    }

    private static void stopOnShutdown(CamelContext camel, String what, AutoCloseable closeable) throws Exception {
        camel.addService(new ServiceSupport() {
            @Override
            protected void doStop() throws Exception {
                LOG.info("Stopping {}", what);
                closeable.close();
            }

            @Override
            public String toString() {
                return what;
            }
        }, true, true);
    }

    /** True when something accepts connections on this port of 127.0.0.1. */
    static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String optional(PropertiesComponent props, String key) {
        return props.resolveProperty(key).map(String::trim).orElse("");
    }

    static String required(PropertiesComponent props, String key) {
        String value = optional(props, key);
        if (value.isEmpty()) {
            throw new IllegalStateException("Missing required property '" + key + "' (config/application.properties)");
        }
        return value;
    }
}
