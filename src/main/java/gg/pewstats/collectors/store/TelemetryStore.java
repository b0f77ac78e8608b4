package gg.pewstats.collectors.store;

import gg.pewstats.collectors.telemetry.TableRows;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loads one match's telemetry rows with PostgreSQL COPY, inside the transaction of the route that calls it
 * (telemetry-extraction-transaction: delete the match's rows, this load, flags and status, committed together).
 * This is JDBC in Java, and not a {@code sql:} step, for speed: a match has thousands of rows, and COPY
 * loads them several times faster than batched INSERTs (the benchmark's "database load" compares it with
 * a bare COPY). It writes only into the telemetry tables ({@link #TABLES}).
 */
public final class TelemetryStore {

    public static final List<String> TABLES = List.of("landings", "kill_positions", "player_damage_events",
            "weapon_kill_events", "circle_positions", "player_knock_events", "player_finishing_summary",
            "player_match_weapon_distribution", "player_circle_positions", "team_fights", "fight_participants");

    private final DataSource dataSource;

    public TelemetryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Extraction copy(Extraction extraction) throws SQLException, IOException {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the rows would be committed apart from the deletes and the status
            throw new IllegalStateException("the telemetry rows are loaded only inside the route's transaction");
        }
        // the connection bound to the route's transaction (released, not closed, afterwards)
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (TableRows rows : extraction.tables()) {
                if (!TABLES.contains(rows.table())) {
                    throw new IllegalArgumentException("not a telemetry table: " + rows.table());
                }
                if (rows.size() > 0) {
                    copy.copyIn("COPY " + rows.table() + " (" + String.join(", ", rows.columns()) + ") FROM STDIN",
                            new StringReader(CopyText.of(rows.rows())));
                }
            }
            return extraction;
        } finally {
            DataSourceUtils.releaseConnection(c, dataSource);
        }
    }
}
