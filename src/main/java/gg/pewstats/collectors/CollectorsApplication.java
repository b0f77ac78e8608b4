package gg.pewstats.collectors;

import gg.pewstats.collectors.infra.HubInfrastructure;
import org.apache.camel.main.Main;

/**
 * {@code java -jar collectors.jar [command]} (commands: {@code --help}): with no command, starts the hub with every route in {@code routes/*.camel.yaml},
 * configured by {@code config/application.properties} (every key overridable by an environment variable,
 * e.g. {@code db.url} by {@code DB_URL}). {@code COLLECTORS_HOME} names the folder that holds
 * {@code config/} and {@code routes/} (default: the working directory).
 */
public final class CollectorsApplication {

    private CollectorsApplication() {
    }

    public static void main(String[] args) throws Exception {
        // LOG_FORMAT=json: JSON lines (read before the first logger is made)
        if ("json".equalsIgnoreCase(System.getenv("LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        // a command (not a hub run) prints its own output: the hub's chatter only from WARN up
        boolean command = java.util.Arrays.stream(args)
                .anyMatch(java.util.List.of("db", "players", "discover", "reprocess", "backfill", "status")::contains);
        if (command && System.getProperty("LOG_ROOT_LEVEL") == null) {
            System.setProperty("LOG_ROOT_LEVEL", "WARN");
            if (System.getenv("LOG_LEVEL") == null) {
                System.setProperty("LOG_LEVEL", "WARN");
            }
        }
        System.exit(new picocli.CommandLine(new gg.pewstats.collectors.cli.CollectorsCommand()).execute(args));
    }

    /** The folder holding {@code config/} and {@code routes/}. */
    public static String home() {
        String home = System.getenv("COLLECTORS_HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("collectors.home", ".");
        }
        return home;
    }

    /** Shared by the launcher and the tests, so both boot the hub the same way. */
    public static void configure(Main main, String home) {
        main.setPropertyPlaceholderLocations("file:" + home + "/config/application.properties");
        main.addMainListener(new HubInfrastructure());
        main.configure().withRoutesIncludePattern("file:" + home + "/routes/*.camel.yaml");
        // edited route files take effect while the hub runs (routes.reload-enabled in the properties)
        main.configure().withRoutesReloadDirectory(home + "/routes");
        main.configure().withRoutesReloadPattern("*.camel.yaml");
        main.configure().withRoutesReloadRemoveAllRoutes(false);
    }
}
