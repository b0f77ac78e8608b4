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
            EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(db)));
            dbUrl = db.jdbcUrl();
            dbUser = db.user();
            dbPassword = "";
            dbDescription = "embedded PostgreSQL on port " + db.port();
        }
        String host = env("RABBITMQ_HOST");
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
            Path dir = Files.createTempDirectory("pewstats-test-broker");
            EmbeddedBroker broker = EmbeddedBroker.start(dir, port, user, password);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            brokerDescription = "embedded AMQP broker on port " + port;
        }
        return new TestServers(dbUrl, dbUser, dbPassword, host, port, user, password,
                "database: " + dbDescription + "; broker: " + brokerDescription);
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
