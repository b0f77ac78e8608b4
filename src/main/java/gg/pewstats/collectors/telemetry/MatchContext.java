package gg.pewstats.collectors.telemetry;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * What the extractors know of the match besides its telemetry: names stored by the earlier stages, the
 * tracked players' account ids, and whether damage events are kept only when a tracked player is in them.
 */
public record MatchContext(String matchId, String mapName, String gameMode, String gameType,
        OffsetDateTime matchDatetime, Set<String> trackedPlayers, boolean damageOfTrackedOnly) {
}
