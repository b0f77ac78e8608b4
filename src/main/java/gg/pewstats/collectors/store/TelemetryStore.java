package gg.pewstats.collectors.store;

import gg.pewstats.collectors.telemetry.TableRows;
import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes one match's telemetry rows: in one transaction, the match's earlier rows in the five tables are
 * deleted, the new ones loaded with PostgreSQL COPY, the processed flags set and the status moved to
 * completed. Reprocessing a match therefore replaces its rows and never duplicates them.
 */
public final class TelemetryStore {

    public static final List<String> TABLES = List.of("landings", "kill_positions", "player_damage_events",
            "weapon_kill_events", "circle_positions");

    private final DataSource dataSource;

    public TelemetryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Extraction replace(Extraction extraction) throws SQLException, IOException {
        String matchId = extraction.matchId();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO matches (match_id, status) VALUES (?, 'downloaded') ON CONFLICT (match_id) DO NOTHING")) {
                    ps.setString(1, matchId);
                    ps.executeUpdate();
                }
                for (String table : TABLES) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE match_id = ?")) {
                        ps.setString(1, matchId);
                        ps.executeUpdate();
                    }
                }
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
                try (PreparedStatement ps = c.prepareStatement("UPDATE matches SET landings_processed = TRUE, "
                        + "kills_processed = TRUE, damage_processed = TRUE, weapons_processed = TRUE, "
                        + "circles_processed = TRUE, status = CASE WHEN match_status_rank(status) < "
                        + "match_status_rank('completed') OR status = 'failed' THEN 'completed' ELSE status END, "
                        + "error_message = NULL, first_failed_at = NULL, updated_at = now() WHERE match_id = ?")) {
                    ps.setString(1, matchId);
                    ps.executeUpdate();
                }
                c.commit();
                return extraction;
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
