package gg.pewstats.collectors.telemetry;

import gg.pewstats.collectors.telemetry.TelemetryReader.ReadSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One match's extraction: what the database knows of the match and of the tracked players, one pass of
 * {@link TelemetryReader} over its stored file, and the rows of every extractor.
 */
public final class TelemetryExtraction {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryExtraction.class);

    /** The outcome for one match. */
    public record Extraction(String matchId, MatchContext match, List<TableRows> tables, ReadSummary summary,
            List<String> trackedPlayersFound, long millis) {

        public Map<String, Integer> rowCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (TableRows rows : tables) {
                counts.put(rows.table(), rows.size());
            }
            return counts;
        }
    }

    private final DataSource dataSource;
    private final TelemetryFiles files;
    private final boolean damageOfTrackedOnly;
    private final TelemetryReader reader = new TelemetryReader();

    public TelemetryExtraction(DataSource dataSource, TelemetryFiles files, boolean damageOfTrackedOnly) {
        this.dataSource = dataSource;
        this.files = files;
        this.damageOfTrackedOnly = damageOfTrackedOnly;
    }

    /** The five extractors, fresh for one match. */
    public static List<Extractor> extractors(MatchContext match) {
        return List.of(new LandingsExtractor(match), new KillPositionsExtractor(match), new DamageEventsExtractor(match),
                new WeaponKillsExtractor(match), new CirclePositionsExtractor(match));
    }

    public Extraction extract(String matchId) throws SQLException, IOException {
        Path path = files.pathFor(matchId);
        if (!Files.isRegularFile(path)) {
            throw new TelemetryRejectedException("no telemetry file at " + path);
        }
        MatchContext match = context(matchId);
        return extract(match, path);
    }

    /** Extraction of a file for a known match context (no database needed). */
    public Extraction extract(MatchContext match, Path path) throws IOException {
        long started = System.nanoTime();
        List<Extractor> extractors = extractors(match);
        ReadSummary summary;
        try (InputStream json = files.openJson(path)) {
            summary = reader.read(json, extractors);
        }
        List<String> tracked = summary.accountIds().stream().filter(id -> match.trackedPlayers().contains(id)).toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        Extraction extraction = new Extraction(match.matchId(), match,
                extractors.stream().map(Extractor::rows).toList(), summary, tracked, millis);
        if (!summary.unknownTypes().isEmpty()) {
            LOG.info("Match {}: event types not known to the hub: {}", match.matchId(), summary.unknownTypes());
        }
        return extraction;
    }

    /** What the database knows of a match and of the tracked players, for its extractors. */
    public MatchContext context(String matchId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String mapName = null;
            String gameMode = null;
            String gameType = null;
            OffsetDateTime datetime = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT map_name, game_mode, game_type, match_datetime FROM matches WHERE match_id = ?")) {
                ps.setString(1, matchId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        mapName = rs.getString(1);
                        gameMode = rs.getString(2);
                        gameType = rs.getString(3);
                        datetime = rs.getObject(4, OffsetDateTime.class);
                    }
                }
            }
            Set<String> tracked = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT player_id FROM players WHERE tracking_enabled");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tracked.add(rs.getString(1));
                }
            }
            return new MatchContext(matchId, mapName, gameMode, gameType, datetime, tracked, damageOfTrackedOnly);
        }
    }
}
