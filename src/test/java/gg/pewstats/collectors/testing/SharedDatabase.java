package gg.pewstats.collectors.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * A database and a queue suffix of their own for hubs running as separate processes (which may share
 * them, as hubs of one deployment do). Every query opens its own connection, since a fault under test may
 * cut them all. Closing it deletes the queues and drops the database.
 */
public final class SharedDatabase implements AutoCloseable {

    public final TestServers servers = TestServers.get();
    public final String name = TestServers.uniqueName("pewstats_shared_");
    public final String queueSuffix = TestServers.uniqueName("s");
    public final String url;

    public SharedDatabase() throws SQLException {
        url = servers.createDatabase(name);
    }

    /**
     * The environment of a hub process on this database and queue suffix, under the hub's own setting
     * names (a test adds or replaces what it is about).
     */
    public java.util.Map<String, String> hubEnvironment() throws java.io.IOException {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("ENVIRONMENT", queueSuffix);
        env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        env.put("DB_URL", url);
        env.put("DB_USER", servers.dbUser());
        env.put("DB_PASSWORD", servers.dbPassword());
        env.put("RABBITMQ_HOST", servers.amqpHost());
        env.put("RABBITMQ_PORT", Integer.toString(servers.amqpPort()));
        env.put("RABBITMQ_USERNAME", servers.amqpUser());
        env.put("RABBITMQ_PASSWORD", servers.amqpPassword());
        return env;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(url, servers.dbUser(), servers.dbPassword());
    }

    /** The first column of the first row, or -1 while the query fails (the database may be mid-fault). */
    public long count(String sql) {
        try (Connection c = open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public static void waitFor(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for: " + what);
            }
            Thread.sleep(500);
        }
    }

    @Override
    public void close() {
        CachingConnectionFactory connections = new CachingConnectionFactory(servers.amqpHost(), servers.amqpPort());
        connections.setUsername(servers.amqpUser());
        connections.setPassword(servers.amqpPassword());
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            for (String stage : List.of("match.discovered", "match.telemetry", "match.processing.telemetry", "match.completed")) {
                admin.deleteQueue(stage + "." + queueSuffix);
                admin.deleteQueue(stage + "." + queueSuffix + ".dlq");
            }
        } finally {
            connections.destroy();
            servers.dropDatabase(name);
        }
    }
}
