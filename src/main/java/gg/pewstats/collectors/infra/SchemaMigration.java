package gg.pewstats.collectors.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migration of the hub's schema. When PostgreSQL is not reachable at startup the hub starts anyway
 * and migrates as soon as it is (tried every few seconds in the background); until then the database
 * health check reports DOWN and the stages leave their messages on the queues.
 */
public final class SchemaMigration implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    private final DataSource dataSource;
    private final AtomicBoolean migrated = new AtomicBoolean();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "pewstats-schema-migration");
        thread.setDaemon(true);
        return thread;
    });

    public SchemaMigration(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isMigrated() {
        return migrated.get();
    }

    /** Migrates now, or keeps trying every {@code retrySeconds} until the database is reachable. */
    public void start(long retrySeconds) {
        if (!tryMigrate(true)) {
            retries.scheduleWithFixedDelay(() -> {
                try {
                    if (!migrated.get() && tryMigrate(false)) {
                        retries.shutdown();
                    }
                } catch (ForeignSchemaException e) {
                    LOG.error("{} The hub will not touch it: the stages stay DOWN.", e.getMessage());
                    retries.shutdown();
                }
            }, retrySeconds, retrySeconds, TimeUnit.SECONDS);
        }
    }

    private boolean tryMigrate(boolean first) {
        try {
            migrate();
            migrated.set(true);
            if (!first) {
                LOG.info("PostgreSQL is reachable again: schema migrated");
            }
            return true;
        } catch (ForeignSchemaException e) {
            throw e;
        } catch (RuntimeException e) {
            if (first) {
                LOG.warn("PostgreSQL is not reachable ({}): the hub runs and migrates the schema once it is",
                        Secrets.maskUserInfo(rootMessage(e)));
            }
            return false;
        }
    }

    /**
     * Migrates a database of the hub (or an empty one) with Flyway; a database holding the live PewStats
     * tables is adopted first (see db/adopt/live_pewstats_schema.sql) and recorded as version
     * {@value #ADOPTED_VERSION}; any other non-empty schema is refused.
     */
    void migrate() {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .baselineVersion(ADOPTED_VERSION).baselineDescription("adopted live PewStats schema").load();
        SchemaKind kind = inspect();
        if (kind == SchemaKind.LIVE) {
            adoptLiveSchema();
            flyway.baseline();
        }
        flyway.migrate();
    }

    /** The version whose shape the adoption script gives a live PewStats database. */
    static final String ADOPTED_VERSION = "4";

    enum SchemaKind { EMPTY, HUB, LIVE }

    /** What the configured schema holds now. */
    SchemaKind inspect() {
        // Plain JDBC: this runs before Flyway and before any route, on tables no route may touch yet.
        try (Connection c = dataSource.getConnection()) {
            String schema = c.getSchema();
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() ORDER BY table_name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.isEmpty()) {
                return SchemaKind.EMPTY;
            }
            if (tables.contains("flyway_schema_history")) {
                return SchemaKind.HUB;
            }
            Set<String> matchColumns = columns(c, "matches");
            Set<String> playerColumns = columns(c, "players");
            if (matchColumns.containsAll(List.of("match_id", "map_name", "status"))
                    && playerColumns.containsAll(List.of("player_id", "player_name"))) {
                LOG.warn("Schema '{}' holds the live PewStats tables ({} tables): adopting it (rows are kept, "
                        + "exact duplicates in the telemetry tables removed)", schema, tables.size());
                return SchemaKind.LIVE;
            }
            throw new ForeignSchemaException("Schema '" + schema + "' of the database is neither this hub's nor the "
                    + "live PewStats schema: it holds " + tables.size() + " table(s) (" + String.join(", ",
                            tables.subList(0, Math.min(tables.size(), 12))) + (tables.size() > 12 ? ", …" : "")
                    + ") but no flyway_schema_history, and no PewStats 'matches' and 'players' tables. "
                    + "Point db.url at an empty database or at a PewStats database.");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * Brings the live tables to the shape of version {@value #ADOPTED_VERSION}, in one transaction. The
     * map and mode names come from V3's own script, run as it is.
     */
    private void adoptLiveSchema() {
        // Plain JDBC, like inspect(): before Flyway and before any route; one script, one transaction
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                boolean names;
                try (ResultSet rs = s.executeQuery("SELECT to_regclass('map_names') IS NOT NULL")) {
                    rs.next();
                    names = rs.getBoolean(1);
                }
                if (!names) {
                    s.execute(resource("db/migration/V3__map_and_game_mode_names.sql"));
                }
                s.execute(resource("db/adopt/live_pewstats_schema.sql"));
                for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                    // the script's own notices; PostgreSQL's "already exists, skipping" are noise here
                    if (!w.getMessage().endsWith(", skipping")) {
                        LOG.info("Adoption: {}", w.getMessage());
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("adopting the live PewStats schema failed: " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (var in = SchemaMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database holds tables of something else: the hub must not write there (a setting points wrong). */
    public static final class ForeignSchemaException extends ConfigurationError {
        ForeignSchemaException(String message) {
            super(message);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
