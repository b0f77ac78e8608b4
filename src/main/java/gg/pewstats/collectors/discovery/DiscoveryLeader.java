package gg.pewstats.collectors.discovery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election for discovery among hubs sharing one PostgreSQL: the leader holds a session advisory
 * lock on a connection of its own. When the leader process dies its connection closes, the lock is freed
 * and the next hub to try becomes leader at its next run. Only the leader runs discovery; every hub
 * consumes the stage queues.
 * JDBC in Java, not a sql: step: the lock lives as long as one connection stays open between runs, which
 * a pooled statement cannot do (it gives its connection back, and the lock with it).
 */
public final class DiscoveryLeader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryLeader.class);

    private final DataSource dataSource;
    private final long lockKey;
    private Connection held;

    public DiscoveryLeader(DataSource dataSource, long lockKey) {
        this.dataSource = dataSource;
        this.lockKey = lockKey;
    }

    /** True when this hub holds (or has just taken) the discovery lock. */
    public synchronized boolean isLeader() {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
            release();
            Connection connection = dataSource.getConnection();
            try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, lockKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        held = connection;
                        LOG.info("This hub is now the discovery leader (PostgreSQL advisory lock {})", lockKey);
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.warn("Discovery leadership unknown ({}): not running discovery now", e.getMessage());
            release();
            return false;
        }
    }

    private void release() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // the lock goes with the connection
            }
            held = null;
        }
    }

    @Override
    public synchronized void close() {
        release();
    }
}
