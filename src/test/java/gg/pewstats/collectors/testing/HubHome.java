package gg.pewstats.collectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A hub home folder of a test's own (config/ and routes/ as the repository has them) and its log. */
public final class HubHome {

    private HubHome() {
    }

    /** Copies config/ and routes/ into {@code home}, as an operator installs the hub. */
    public static void copyConfiguration(Path home) throws IOException {
        for (String dir : new String[] {"config", "routes"}) {
            Files.createDirectories(home.resolve(dir));
            try (var files = Files.list(Path.of(dir))) {
                for (Path file : files.toList()) {
                    Files.copy(file, home.resolve(dir).resolve(file.getFileName()));
                }
            }
        }
    }

    /** Lines of a hub's log that hold {@code text}. */
    public static long count(Path log, String text) {
        try {
            return Files.exists(log) ? Files.readString(log).lines().filter(l -> l.contains(text)).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Waits (at most two minutes) for {@code text} in a hub's log. */
    public static void waitForLog(Path log, String text) throws InterruptedException {
        SharedDatabase.waitFor("'" + text + "' in " + log.getFileName(), Duration.ofSeconds(120), () -> count(log, text) > 0);
    }
}
