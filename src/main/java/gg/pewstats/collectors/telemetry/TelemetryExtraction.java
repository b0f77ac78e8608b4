package gg.pewstats.collectors.telemetry;

import gg.pewstats.collectors.telemetry.TelemetryReader.ReadSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One match's extraction: one pass of {@link TelemetryReader} over its stored file, and the rows of every
 * extractor, given what the database knows of the match and of the tracked players.
 */
public final class TelemetryExtraction {

    private static final Logger LOG = LoggerFactory.getLogger(TelemetryExtraction.class);
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The outcome for one match. */
    public record Extraction(String matchId, MatchContext match, List<TableRows> tables,
            List<Map<String, Object>> summaryStats, ReadSummary summary, List<String> trackedPlayersFound, long millis) {

        /** {@link #summaryStats()} as one JSON array, for the one statement that writes them. */
        public String summaryStatsJson() throws com.fasterxml.jackson.core.JsonProcessingException {
            return JSON.writeValueAsString(summaryStats);
        }

        /** The match's fights (team_fights rows). */
        public int fightCount() {
            return table("team_fights").size();
        }

        private TableRows table(String name) {
            return tables.stream().filter(t -> t.table().equals(name)).findFirst()
                    .orElse(new TableRows(name, List.of()));
        }

        public Map<String, Integer> rowCounts() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (TableRows rows : tables) {
                counts.put(rows.table(), rows.size());
            }
            return counts;
        }
    }

    private final TelemetryFiles files;
    private final boolean damageOfTrackedOnly;
    private final TelemetryReader reader = new TelemetryReader();

    public TelemetryExtraction(TelemetryFiles files, boolean damageOfTrackedOnly) {
        this.files = files;
        this.damageOfTrackedOnly = damageOfTrackedOnly;
    }

    /**
     * Gives the match's fights their ids, reserved from team_fights' sequence by the route, one per fight in
     * order; their participants share each fight's {@link FightsExtractor.FightId}. A retried transaction
     * reserves and assigns new ones.
     */
    public static Extraction assignFightIds(Extraction extraction, List<Map<String, Object>> reserved) {
        TableRows fights = extraction.table("team_fights");
        if (reserved.size() != fights.size()) {
            throw new IllegalStateException(reserved.size() + " fight ids reserved for " + fights.size() + " fights");
        }
        for (int i = 0; i < fights.size(); i++) {
            ((FightsExtractor.FightId) fights.rows().get(i)[0]).assign(((Number) reserved.get(i).get("id")).longValue());
        }
        return extraction;
    }

    /**
     * The readers of one match, fresh for it and sharing its {@link MatchState}; in the order they finish:
     * the position timeline before the knocks (teammate distances), the knocks before the finishing summary.
     */
    public static List<EventReader> readers(MatchContext match, MatchState state) {
        return List.of(new LandingsExtractor(match), new KillPositionsExtractor(match), new DamageEventsExtractor(match),
                new WeaponKillsExtractor(match), new CirclePositionsExtractor(match), state.positions(),
                new KnockEventsExtractor(match, state), new FinishingSummaryExtractor(match, state),
                new WeaponDistributionExtractor(match), new ZonePlayExtractor(match, state), new ItemUseExtractor(state),
                new CombatStatsExtractor(state), new FightsExtractor(match));
    }

    /**
     * Extraction of a match's file, with what the database knows (read by the route): the match's row
     * (map_name, game_mode, game_type, match_datetime; null for a match not stored yet) and the tracked
     * players' rows (player_id). The file is the stored one, or {@code path} when given (backfill).
     */
    public Extraction extract(String matchId, Map<String, Object> matchRow, List<Map<String, Object>> trackedPlayers,
            String path) throws IOException {
        Path file = path == null ? files.pathFor(matchId) : Path.of(path);
        if (!Files.isRegularFile(file)) {
            throw new TelemetryRejectedException("no telemetry file at " + file);
        }
        Map<String, Object> row = matchRow == null ? Map.of() : matchRow;
        Set<String> tracked = new HashSet<>();
        for (Map<String, Object> player : trackedPlayers) {
            tracked.add((String) player.get("player_id"));
        }
        MatchContext match = new MatchContext(matchId, (String) row.get("map_name"), (String) row.get("game_mode"),
                (String) row.get("game_type"), utc(row.get("match_datetime")), tracked, damageOfTrackedOnly);
        return extract(match, file);
    }

    /** Extraction of a file for a known match context (no database needed). */
    public Extraction extract(MatchContext match, Path path) throws IOException {
        long started = System.nanoTime();
        MatchState state = new MatchState();
        List<EventReader> readers = readers(match, state);
        ReadSummary summary;
        try (InputStream json = files.openJson(path)) {
            summary = reader.read(json, readers);
        }
        List<String> tracked = summary.accountIds().stream().filter(id -> match.trackedPlayers().contains(id)).toList();
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<TableRows> tables = new java.util.ArrayList<>();
        for (EventReader r : readers) {
            if (r instanceof Extractor extractor) {
                tables.addAll(extractor.tables());
            }
        }
        Extraction extraction = new Extraction(match.matchId(), match, tables,
                state.players().summaryRows(match.matchId(), summary.accountIds()), summary, tracked, millis);
        if (!summary.unknownTypes().isEmpty()) {
            LOG.info("Match {}: event types not known to the hub: {}", match.matchId(), summary.unknownTypes());
        }
        return extraction;
    }

    private static OffsetDateTime utc(Object time) {
        if (time instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) time;
    }
}
