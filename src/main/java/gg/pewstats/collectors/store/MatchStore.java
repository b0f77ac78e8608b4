package gg.pewstats.collectors.store;

import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import gg.pewstats.collectors.pubg.PlayerLookups.Lookup;
import gg.pewstats.collectors.pubg.PlayerLookups.Player;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Every write to players, matches and match_summaries, and the status transitions with them. All SQL is
 * parameterised; inserts are idempotent (ON CONFLICT) and a status only moves forward
 * (discovered, summarized, downloaded, completed; failed or skipped end a match).
 */
public final class MatchStore {

    static final List<String> MATCH_COLUMNS = List.of("match_id", "map_name", "game_mode", "game_type",
            "match_datetime", "duration", "is_custom_match", "shard_id", "season_state", "title_id", "telemetry_url");

    static final List<String> SUMMARY_COLUMNS = List.of("match_id", "participant_id", "player_id", "player_name",
            "is_bot", "team_id", "team_rank", "won", "map_name", "game_mode", "match_type", "match_datetime",
            "match_duration", "is_custom_match", "shard_id", "season_state", "title_id", "dbnos", "assists", "boosts",
            "heals", "damage_dealt", "death_type", "headshot_kills", "kill_place", "kill_streaks", "kills", "longest_kill", "revives",
            "ride_distance", "road_kills", "swim_distance", "team_kills", "time_survived", "vehicle_destroys",
            "walk_distance", "weapons_acquired", "win_place");

    private static final String INSERT_MATCH = "INSERT INTO matches (" + String.join(", ", MATCH_COLUMNS)
            + ", status, error_message) VALUES (" + "?, ".repeat(MATCH_COLUMNS.size()) + "?, ?) "
            + "ON CONFLICT (match_id) DO NOTHING";

    private static final String INSERT_SUMMARY = "INSERT INTO match_summaries (" + String.join(", ", SUMMARY_COLUMNS)
            + ") VALUES (" + "?, ".repeat(SUMMARY_COLUMNS.size() - 1) + "?) "
            + "ON CONFLICT (match_id, participant_id) DO NOTHING";

    private static final String ADVANCE_STATUS = "UPDATE matches SET status = ?, error_message = NULL, "
            + "first_failed_at = NULL, updated_at = now() WHERE match_id = ? AND match_status_rank(status) < match_status_rank(?)";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MatchStore.class);

    private final DataSource dataSource;

    public MatchStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The ids not yet in {@code matches}, in the order given, without duplicates. */
    public List<String> unknownMatchIds(Collection<String> ids) throws SQLException {
        String sql = "SELECT t.id FROM unnest(?::text[]) WITH ORDINALITY AS t(id, n) "
                + "WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = t.id) "
                + "GROUP BY t.id ORDER BY min(t.n)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("text", ids.toArray());
            ps.setArray(1, array);
            List<String> unknown = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    unknown.add(rs.getString(1));
                }
            }
            return unknown;
        }
    }

    /**
     * Keeps players keyed by account id: a player tracked by name gets its account id, a renamed
     * player its new name.
     */
    public void recordPlayers(Lookup lookup) throws SQLException {
        if (lookup.players().isEmpty()) {
            return;
        }
        boolean byName = "playerNames".equals(lookup.batch().filter());
        String sql = byName
                ? "UPDATE players SET player_id = ?, updated_at = now() WHERE player_name = ? AND player_id <> ? "
                        + "AND NOT EXISTS (SELECT 1 FROM players p WHERE p.player_id = ?)"
                : "UPDATE players SET player_name = ?, updated_at = now() WHERE player_id = ? AND player_name <> ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Player player : lookup.players()) {
                if (byName) {
                    ps.setString(1, player.accountId());
                    ps.setString(2, player.name());
                    ps.setString(3, player.accountId());
                    ps.setString(4, player.accountId());
                } else {
                    ps.setString(1, player.name());
                    ps.setString(2, player.accountId());
                    ps.setString(3, player.name());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Stores a newly discovered match; false when it was already known (nothing changes then). */
    public boolean insertDiscovered(MatchData match) throws SQLException {
        return insertMatch(match.match(), "discovered", null);
    }

    /** Stores a match that will not be collected (filtered out), so it is not fetched again. */
    public boolean insertSkipped(MatchData match, String reason) throws SQLException {
        return insertMatch(match.match(), "skipped", reason);
    }

    /** Stores a match the API does not have (404), failed with the reason, so it is not fetched again. */
    public boolean insertFailed(String matchId, String reason) throws SQLException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("match_id", matchId);
        return insertMatch(row, "failed", reason);
    }

    private boolean insertMatch(Map<String, Object> row, String status, String error) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT_MATCH)) {
            int i = bind(ps, MATCH_COLUMNS, row, 1);
            ps.setString(i++, status);
            ps.setString(i, error);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Whether a stage takes a message for a match, from the match's status (one read by primary key, before
     * any API call or download): true when the match waits for this stage ({@code input}). A match further
     * along, failed or skipped: false, the message is acknowledged and nothing is called (a duplicate, or a
     * redelivery after the stage's work was stored; recovery re-drives a match whose next message never
     * went out). A match the database does not know is refused: discovery alone creates matches.
     */
    public boolean admit(String matchId, String input) throws SQLException {
        String status = status(matchId);
        if (status == null) {
            throw new gg.pewstats.collectors.messages.InvalidMessageException("unknown match '"
                    + gg.pewstats.collectors.infra.LogSafe.escape(matchId)
                    + "': not in the database (discovery alone creates matches)");
        }
        return status.equals(input);
    }

    /** The status of a match, or null when the database does not know it. */
    public String status(String matchId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT status FROM matches WHERE match_id = ?")) {
            ps.setString(1, matchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Moves a match back to the status of the stage it is sent to again (recovery of a lost file, the
     * reprocess command): the only backward move, and only these two make it. Its re-drive count and error
     * stay with it.
     */
    public void rewindTo(String matchId, String status) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE matches SET status = ?, updated_at = now() "
                        + "WHERE match_id = ? AND status <> ?")) {
            ps.setString(1, status);
            ps.setString(2, matchId);
            ps.setString(3, status);
            ps.executeUpdate();
        }
    }

    /**
     * In one transaction: every participant's summary row, the telemetry URL and status summarized (the
     * match row is discovery's). Returns the number of summary rows the match has.
     */
    public int saveSummaries(MatchData match) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(INSERT_SUMMARY)) {
                    for (Map<String, Object> row : match.summaries()) {
                        bind(ps, SUMMARY_COLUMNS, row, 1);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE matches SET telemetry_url = "
                        + "COALESCE(telemetry_url, ?) WHERE match_id = ?")) {
                    ps.setString(1, (String) match.match().get("telemetry_url"));
                    ps.setString(2, match.matchId());
                    ps.executeUpdate();
                }
                advance(c, match.matchId(), "summarized");
                int count;
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM match_summaries WHERE match_id = ?")) {
                    ps.setString(1, match.matchId());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        count = rs.getInt(1);
                    }
                }
                c.commit();
                return count;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * Ends a match as failed with its reason, unless it already completed or ended; a match not stored
     * yet (a message from elsewhere) is stored as failed. True when the status changed.
     */
    public boolean failMatch(String matchId, String reason) throws SQLException {
        String sql = "INSERT INTO matches (match_id, status, error_message, attempts) VALUES (?, 'failed', ?, 1) "
                + "ON CONFLICT (match_id) DO UPDATE SET status = 'failed', error_message = EXCLUDED.error_message, "
                + "attempts = matches.attempts + 1, updated_at = now() "
                + "WHERE matches.status NOT IN ('completed', 'failed', 'skipped')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, matchId);
            ps.setString(2, reason);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Claims matches stuck in an intermediate status (discovered, summarized, downloaded) since before
     * {@code seconds} ago: each claimed match has its attempts counted up and its updated_at set to now, so
     * it is claimed again only after another {@code seconds}. SKIP LOCKED lets several hubs recover at once
     * without claiming the same match.
     */
    public List<Map<String, Object>> claimStuck(int seconds, int limit) throws SQLException {
        String sql = "UPDATE matches m SET attempts = m.attempts + 1, updated_at = now() "
                + "WHERE m.match_id IN (SELECT match_id FROM matches WHERE status IN ('discovered', 'summarized', "
                + "'downloaded') AND updated_at < now() - make_interval(secs => ?) ORDER BY updated_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED) "
                + "RETURNING m.match_id, m.status, m.attempts, m.error_message, m.map_name, m.game_mode, m.match_datetime, "
                + "m.telemetry_url, (SELECT count(*) FROM match_summaries s WHERE s.match_id = m.match_id) "
                + "AS participant_count";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, seconds);
            ps.setInt(2, limit);
            return factsOf(ps);
        }
    }

    /**
     * Keeps the latest error of a match whose message was dead-lettered (its status does not change) and
     * returns when the match first failed since it last moved forward: the x-first-failure-at of its dead
     * letter. Best effort: dead-lettering must not depend on the database being reachable (then: now).
     */
    public java.time.OffsetDateTime recordFailure(String matchId, String error) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
        if (matchId == null) {
            return now;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE matches SET error_message = ?, "
                        + "first_failed_at = coalesce(first_failed_at, now()) WHERE match_id = ? "
                        + "AND status NOT IN ('completed', 'failed', 'skipped') RETURNING first_failed_at")) {
            ps.setString(1, error);
            ps.setString(2, matchId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, java.time.OffsetDateTime.class) : now;
            }
        } catch (SQLException e) {
            LOG.warn("Could not record the error of match {} ({}); the dead-lettered message keeps it", matchId,
                    e.getMessage());
            return now;
        }
    }

    /** Match ids chosen for reprocessing: the failed ones, or those played since a time. */
    public List<String> matchIds(String where, Object parameter) throws SQLException {
        String sql = switch (where) {
            case "failed" -> "SELECT match_id FROM matches WHERE status = 'failed' ORDER BY match_id";
            case "since" -> "SELECT match_id FROM matches WHERE match_datetime >= ? ORDER BY match_datetime";
            default -> throw new IllegalArgumentException(where);
        };
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    /** The stored facts of matches, as {@link #claimStuck} returns them, without claiming anything. */
    public List<Map<String, Object>> facts(List<String> matchIds) throws SQLException {
        String sql = "SELECT m.match_id, m.status, m.attempts, m.error_message, m.map_name, m.game_mode, m.match_datetime, "
                + "m.telemetry_url, (SELECT count(*) FROM match_summaries s WHERE s.match_id = m.match_id) AS participant_count "
                + "FROM matches m WHERE m.match_id = ANY(?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("text", matchIds.toArray()));
            return factsOf(ps);
        }
    }

    /** The rows of a query over matches' facts (claimStuck, facts), one map per match. */
    private static List<Map<String, Object>> factsOf(PreparedStatement ps) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String column : List.of("match_id", "status", "error_message", "map_name", "game_mode", "telemetry_url")) {
                    row.put(column, rs.getString(column));
                }
                row.put("attempts", rs.getInt("attempts"));
                row.put("match_datetime", rs.getObject("match_datetime", java.time.OffsetDateTime.class));
                row.put("participant_count", rs.getInt("participant_count"));
                rows.add(row);
            }
        }
        return rows;
    }

    /** True when the match's telemetry rows are stored (status completed). */
    public boolean isCompleted(String matchId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM matches WHERE match_id = ? AND status = 'completed')")) {
            ps.setString(1, matchId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Status downloaded (only forward). */
    public void markDownloaded(String matchId) throws SQLException {
        String sql = "UPDATE matches SET status = 'downloaded', error_message = NULL, first_failed_at = NULL, "
                + "updated_at = now() WHERE match_id = ? AND match_status_rank(status) < match_status_rank('downloaded')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, matchId);
            ps.executeUpdate();
        }
    }

    private static void advance(Connection c, String matchId, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ADVANCE_STATUS)) {
            ps.setString(1, status);
            ps.setString(2, matchId);
            ps.setString(3, status);
            ps.executeUpdate();
        }
    }

    private static int bind(PreparedStatement ps, List<String> columns, Map<String, Object> row, int from)
            throws SQLException {
        int i = from;
        for (String column : columns) {
            ps.setObject(i++, row.get(column));
        }
        return i;
    }
}
