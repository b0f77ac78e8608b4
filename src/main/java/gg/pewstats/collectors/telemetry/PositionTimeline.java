package gg.pewstats.collectors.telemetry;

import static gg.pewstats.collectors.telemetry.Characters.character;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each player was, and when, as the match's events show it: LogPlayerPosition, and the characters
 * of damage, knock and kill events (as the live system's position timeline). Kept per player name in
 * compact arrays (time, x, y, z in cm), for questions asked after the pass, like who was near a knock
 * in the five seconds after it. Bounded: past {@link #MAX_SAMPLES} samples, or for players past the first
 * {@link #MAX_PLAYERS}, samples are not kept.
 */
public final class PositionTimeline implements EventReader {

    static final int MAX_SAMPLES = 1_000_000;
    /** Players followed at most (a match has 100; a hostile file may name millions). */
    static final int MAX_PLAYERS = PlayerStats.MAX_PLAYERS;
    private static final Logger LOG = LoggerFactory.getLogger(PositionTimeline.class);

    /** One player's samples. */
    public static final class Track {
        final String name;
        final Integer teamId;
        long[] times = new long[16];
        float[] xyz = new float[48];
        int size;
        private boolean sorted = true;

        Track(String name, Integer teamId) {
            this.name = name;
            this.teamId = teamId;
        }

        void add(long time, double x, double y, double z) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
                xyz = Arrays.copyOf(xyz, size * 6);
            }
            if (size > 0 && time < times[size - 1]) {
                sorted = false;
            }
            times[size] = time;
            xyz[size * 3] = (float) x;
            xyz[size * 3 + 1] = (float) y;
            xyz[size * 3 + 2] = (float) z;
            size++;
        }

        void sort() {
            if (sorted) {
                return;
            }
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] t = new long[size];
            float[] p = new float[size * 3];
            for (int i = 0; i < size; i++) {
                t[i] = times[order[i]];
                System.arraycopy(xyz, order[i] * 3, p, i * 3, 3);
            }
            times = t;
            xyz = p;
            sorted = true;
        }

        /**
         * The sample nearest in time to {@code time}, if within {@code window} ms; -1 otherwise. On a tie the
         * earlier sample, and of samples of the same millisecond the first in the file.
         */
        int nearest(long time, long window) {
            int i = Arrays.binarySearch(times, 0, size, time);
            int best = -1;
            if (i >= 0) {
                best = i;
            } else {
                int after = -i - 1;
                long bestGap = window + 1;
                if (after < size && times[after] - time < bestGap) {
                    best = after;
                    bestGap = times[after] - time;
                }
                if (after > 0 && time - times[after - 1] <= bestGap && time - times[after - 1] <= window) {
                    best = after - 1;
                }
            }
            // the sort is stable: equal times keep their file order
            while (best > 0 && times[best - 1] == times[best]) {
                best--;
            }
            return best;
        }

        public String name() {
            return name;
        }

        public Integer teamId() {
            return teamId;
        }
    }

    private final Map<String, Track> tracks = new HashMap<>();
    private int samples;

    @Override
    public Set<String> eventTypes() {
        return Set.of("LogPlayerPosition", "LogPlayerTakeDamage", "LogPlayerMakeGroggy", "LogPlayerKillV2");
    }

    @Override
    public void accept(int eventIndex, JsonNode event) {
        long time = millis(event);
        if (time == Long.MIN_VALUE) {
            return;
        }
        switch (Characters.text(event, "_T")) {
            case "LogPlayerPosition" -> add(character(event.get("character")), time);
            case "LogPlayerTakeDamage", "LogPlayerMakeGroggy" -> {
                add(character(event.get("attacker")), time);
                add(character(event.get("victim")), time);
            }
            default -> {
                add(character(event.get("killer")), time);
                add(character(event.get("finisher")), time);
                add(character(event.get("dBNOMaker")), time);
                add(character(event.get("victim")), time);
            }
        }
    }

    private void add(JsonNode character, long time) {
        String name = Characters.name(character);
        Double x = Characters.x(character);
        Double y = Characters.y(character);
        Double z = Characters.z(character);
        // no name, no location, or the zeroed location of a player not on the map
        if (name == null || x == null || y == null || (x == 0 && y == 0)) {
            return;
        }
        if (samples == MAX_SAMPLES) {
            samples++;
            LOG.warn("More than {} position samples in one match: the rest are not used for teammate distances", MAX_SAMPLES);
            return;
        } else if (samples > MAX_SAMPLES) {
            return;
        }
        Track track = tracks.get(name);
        if (track == null) {
            if (tracks.size() >= MAX_PLAYERS) {
                return;
            }
            track = new Track(name, Characters.teamId(character));
            tracks.put(name, track);
        }
        samples++;
        track.add(time, x, y, z == null ? 0 : z);
    }

    @Override
    public void finish() {
        tracks.values().forEach(Track::sort);
    }

    /** The players of a team, each with a sample within {@code window} ms of {@code time}: name, distance (m) from (x, y, z) cm. */
    public List<Neighbour> teammatesNear(Integer teamId, String excludedName, long time, long window, double x, double y,
            double z) {
        List<Neighbour> near = new ArrayList<>();
        if (teamId == null) {
            return near;
        }
        for (Track track : tracks.values()) {
            if (!teamId.equals(track.teamId) || track.name.equals(excludedName)) {
                continue;
            }
            int i = track.nearest(time, window);
            if (i >= 0) {
                double dx = track.xyz[i * 3] - x;
                double dy = track.xyz[i * 3 + 1] - y;
                double dz = track.xyz[i * 3 + 2] - z;
                near.add(new Neighbour(track.name, Math.sqrt(dx * dx + dy * dy + dz * dz) / 100.0));
            }
        }
        near.sort((a, b) -> Double.compare(a.distance(), b.distance()));
        return near;
    }

    /** A teammate and their distance in metres. */
    public record Neighbour(String name, double distance) {
    }

    /** {@code _D} in epoch milliseconds; {@link Long#MIN_VALUE} when absent or unreadable. */
    static long millis(JsonNode event) {
        try {
            java.time.OffsetDateTime time = Characters.eventTime(event);
            return time == null ? Long.MIN_VALUE : time.toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }
}
