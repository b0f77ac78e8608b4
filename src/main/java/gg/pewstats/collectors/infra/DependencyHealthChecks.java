package gg.pewstats.collectors.infra;

import java.sql.Connection;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * Readiness of what the hub depends on, shown at {@code /observe/health}: PostgreSQL reachable with its
 * schema migrated, and the broker reachable. DOWN while either is away, UP again when it is back.
 */
public final class DependencyHealthChecks {

    private DependencyHealthChecks() {
    }

    /** PostgreSQL: a valid connection, and the schema migrated. */
    public static final class Database extends AbstractHealthCheck {
        private final DataSource dataSource;
        private final BooleanSupplier migrated;

        public Database(DataSource dataSource, BooleanSupplier migrated) {
            super("pewstats", "database");
            this.dataSource = dataSource;
            this.migrated = migrated;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            // JDBC in Java: Camel's health-check API calls this directly (no exchange, no route)
            try (Connection c = dataSource.getConnection()) {
                if (!c.isValid(2)) {
                    builder.down().message("PostgreSQL connection is not valid");
                } else if (!migrated.getAsBoolean()) {
                    builder.down().message("PostgreSQL reachable, schema migration pending");
                } else {
                    builder.up();
                }
            } catch (Exception e) {
                // the check's name and state only: no URL, host or driver message in a public answer
                builder.down().message("PostgreSQL unreachable");
            }
        }
    }

    /** The AMQP broker: an open connection. */
    public static final class Broker extends AbstractHealthCheck {
        private final ConnectionFactory connectionFactory;

        public Broker(ConnectionFactory connectionFactory) {
            super("pewstats", "broker");
            this.connectionFactory = connectionFactory;
        }

        @Override
        public boolean isLiveness() {
            return false;
        }

        @Override
        protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
            try {
                if (connectionFactory.createConnection().isOpen()) {
                    builder.up();
                } else {
                    builder.down().message("broker connection is closed");
                }
            } catch (Exception e) {
                builder.down().message("broker unreachable");
            }
        }
    }
}
