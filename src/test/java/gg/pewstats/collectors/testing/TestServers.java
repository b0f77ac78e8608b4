package gg.pewstats.collectors.testing;

import gg.pewstats.collectors.infra.EmbeddedBroker;
import gg.pewstats.collectors.infra.EmbeddedDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The PostgreSQL and AMQP broker the tests run against: the servers the environment points at
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}; {@code RABBITMQ_HOST}, {@code RABBITMQ_PORT},
 * {@code RABBITMQ_USERNAME}, {@code RABBITMQ_PASSWORD}) or, when it points at none, an embedded PostgreSQL
 * and an embedded AMQP broker started once per test JVM on free ports (never 5672). Every hub a test
 * starts gets a database of its own on that server, dropped afterwards.
 */
public final class TestServers {

    private static TestServers instance;

    final String adminUrl;
    final String dbUser;
    final String dbPassword;
    final String amqpHost;
    final int amqpPort;
    final String amqpUser;
    final String amqpPassword;
    final String description;
    private EmbeddedBroker embeddedBroker;
    private Path embeddedBrokerDir;

    private TestServers(String adminUrl, String dbUser, String dbPassword, String amqpHost, int amqpPort,
            String amqpUser, String amqpPassword, String description) {
        this.adminUrl = adminUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.amqpHost = amqpHost;
        this.amqpPort = amqpPort;
        this.amqpUser = amqpUser;
        this.amqpPassword = amqpPassword;
        this.description = description;
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException("test servers could not start: " + e.getMessage(), e);
            }
            System.out.println("[tests] " + instance.description);
        }
        return instance;
    }

    private static TestServers start() throws Exception {
        String dbUrl = env("DB_URL");
        String dbUser;
        String dbPassword;
        String dbDescription;
        if (dbUrl != null) {
            dbUser = orDefault(env("DB_USER"), "postgres");
            dbPassword = orDefault(env("DB_PASSWORD"), "");
            dbDescription = "PostgreSQL from DB_URL";
        } else {
            Path dir = Files.createTempDirectory("pewstats-test-pg");
            EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("data"), 0, dir.resolve("bin"), dir.resolve("run"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(db)));
            dbUrl = db.jdbcUrl();
            // the tests create a database per hub: they work as the superuser
            dbUser = "postgres";
            dbPassword = db.superuserPassword();
            dbDescription = "embedded PostgreSQL on port " + db.port();
        }
        String host = env("RABBITMQ_HOST");
        EmbeddedBroker broker = null;
        Path brokerDir = null;
        int port;
        String user = orDefault(env("RABBITMQ_USERNAME"), "guest");
        String password = orDefault(env("RABBITMQ_PASSWORD"), "guest");
        String brokerDescription;
        if (host != null) {
            port = Integer.parseInt(orDefault(env("RABBITMQ_PORT"), "5672"));
            brokerDescription = "RabbitMQ at " + host + ":" + port;
        } else {
            host = "127.0.0.1";
            port = freePort();
            brokerDir = Files.createTempDirectory("pewstats-test-broker");
            broker = EmbeddedBroker.start(brokerDir, port, user, password);
            brokerDescription = "embedded AMQP broker on port " + port;
        }
        TestServers servers = new TestServers(dbUrl, dbUser, dbPassword, host, port, user, password,
                "database: " + dbDescription + "; broker: " + brokerDescription);
        servers.embeddedBroker = broker;
        servers.embeddedBrokerDir = brokerDir;
        if (broker != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.embeddedBroker.close()));
        }
        return servers;
    }

    public String dbUser() {
        return dbUser;
    }

    public String dbPassword() {
        return dbPassword;
    }

    public String amqpHost() {
        return amqpHost;
    }

    public int amqpPort() {
        return amqpPort;
    }

    public String amqpUser() {
        return amqpUser;
    }

    public String amqpPassword() {
        return amqpPassword;
    }

    public boolean brokerIsEmbedded() {
        return embeddedBroker != null;
    }

    /**
     * Restarts the broker: the embedded one is shut down and started again on its port and store; a
     * RabbitMQ on this machine is restarted with rabbitmqctl stop_app / start_app (durable queues and
     * persistent messages survive both).
     */
    public synchronized void restartBroker() throws Exception {
        if (embeddedBroker != null) {
            embeddedBroker.close();
            embeddedBroker = EmbeddedBroker.start(embeddedBrokerDir, amqpPort, amqpUser, amqpPassword);
            return;
        }
        run("rabbitmqctl", "stop_app");
        run("rabbitmqctl", "start_app");
        run("rabbitmqctl", "await_startup");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    /** Ends every connection to a database but this one's: the hub sees its connections drop. */
    public int dropConnections(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                var ps = c.prepareStatement("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = ? AND pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Creates a database of its own for one hub; returns its JDBC URL. */
    public String createDatabase(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return withDatabase(adminUrl, name);
    }

    public void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("[tests] could not drop database " + name + ": " + e.getMessage());
        }
    }

    /** Drops a role a test created (after the databases it owned objects in are gone). */
    public void dropRole(String role) {
        try (Connection c = DriverManager.getConnection(adminUrl, dbUser, dbPassword);
                Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + role);
        } catch (SQLException e) {
            System.err.println("[tests] could not drop role " + role + ": " + e.getMessage());
        }
    }

    static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?');
        String rest = query < 0 ? "" : jdbcUrl.substring(query);
        return jdbcUrl.substring(0, slash + 1) + database + rest;
    }

    public static String uniqueName(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // shutting down
        }
    }
}
