package gg.pewstats.collectors.discovery;

import gg.pewstats.collectors.pubg.MatchMapper.MatchData;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Which discovered matches to collect, by matchType and gameMode; an empty list accepts every value. */
public final class DiscoveryFilter {

    private final Set<String> matchTypes;
    private final Set<String> gameModes;

    public DiscoveryFilter(String matchTypes, String gameModes) {
        this.matchTypes = parse(matchTypes);
        this.gameModes = parse(gameModes);
    }

    public boolean accepts(MatchData match) {
        return rejection(match) == null;
    }

    /** Why the match is not collected, or null when it is. */
    public String rejection(MatchData match) {
        Object type = match.match().get("game_type");
        Object mode = match.match().get("game_mode");
        if (!matchTypes.isEmpty() && !matchTypes.contains(String.valueOf(type))) {
            return "matchType '" + type + "' is not in discovery.match-types " + matchTypes;
        }
        if (!gameModes.isEmpty() && !gameModes.contains(String.valueOf(mode))) {
            return "gameMode '" + mode + "' is not in discovery.game-modes " + gameModes;
        }
        return null;
    }

    private static Set<String> parse(String list) {
        if (list == null) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }
}
