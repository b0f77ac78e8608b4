package gg.pewstats.collectors.infra;

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
                if (!migrated.get() && tryMigrate(false)) {
                    retries.shutdown();
                }
            }, retrySeconds, retrySeconds, TimeUnit.SECONDS);
        }
    }

    private boolean tryMigrate(boolean first) {
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            migrated.set(true);
            if (!first) {
                LOG.info("PostgreSQL is reachable again: schema migrated");
            }
            return true;
        } catch (RuntimeException e) {
            if (first) {
                LOG.warn("PostgreSQL is not reachable ({}): the hub runs and migrates the schema once it is",
                        rootMessage(e));
            }
            return false;
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
