package gg.pewstats.collectors.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real PUBG API data from {@code ../shared/pubg/} (not copied into the repository). A missing file fails
 * the test: real-data tests never skip.
 */
public final class PubgSamples {

    public static final String MATCH_2026 = "matches/pubgkt_match_squad_response_2026.json";
    public static final String MATCH_2018 = "matches/pubg-api-kotlin_match.json";
    public static final String PLAYERS_TWO = "players/pubg-python_players_response.json";
    public static final String PLAYERS_ONE = "players/pubg-api-kotlin_players.json";

    private PubgSamples() {
    }

    public static Path root() {
        String configured = System.getenv("PUBG_SAMPLES_DIR");
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "pubg");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("PUBG sample data not found at " + root.toAbsolutePath()
                    + ": the real-data tests need ../shared/pubg (or PUBG_SAMPLES_DIR)");
        }
        return root;
    }

    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read PUBG sample " + relative, e);
        }
    }
}
