package gg.pewstats.collectors.messages;

import java.util.regex.Pattern;

/** A match id becomes a folder name: letters, digits, dot, dash and underscore only, never "..". */
public final class MatchIds {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private MatchIds() {
    }

    public static boolean isSafe(String id) {
        return id != null && SAFE.matcher(id).matches() && !id.contains("..");
    }

    public static String requireSafe(String id) {
        if (!isSafe(id)) {
            throw new InvalidMessageException("field 'match_id' is not a safe match id: "
                    + (id == null ? "null" : gg.pewstats.collectors.infra.LogSafe.escape(id)));
        }
        return id;
    }
}
