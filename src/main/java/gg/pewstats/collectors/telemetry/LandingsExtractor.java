package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/** {@code landings} from LogParachuteLanding: one row per landing (a redeploy lands twice); bots flagged. */
public final class LandingsExtractor implements Extractor {

    private final MatchContext match;
    private final TableRows rows = new TableRows("landings", List.of("match_id", "event_index", "player_id",
            "player_name", "team_id", "is_bot", "x_coordinate", "y_coordinate", "z_coordinate", "distance", "is_game", "map_name",
            "game_mode", "game_type", "match_datetime", "event_timestamp"));

    public LandingsExtractor(MatchContext match) {
        this.match = match;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogParachuteLanding");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        JsonNode c = character(event.get("character"));
        if (c == null) {
            return;
        }
        rows.add(match.matchId(), eventIndex, Characters.accountId(c), Characters.name(c), Characters.teamId(c),
                Characters.isBot(c), Characters.x(c), Characters.y(c), Characters.z(c),
                Characters.number(event, "distance"), Characters.isGame(event), match.mapName(), match.gameMode(),
                match.gameType(), match.matchDatetime(), Characters.eventTime(event));
    }

    @Override
    public TableRows rows() {
        return rows;
    }
}
