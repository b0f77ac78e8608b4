package gg.pewstats.collectors;

import gg.pewstats.collectors.infra.ConfigurationError;
import gg.pewstats.collectors.infra.HubEnvironment;
import gg.pewstats.collectors.infra.HubInfrastructure;
import gg.pewstats.collectors.infra.LogSafe;
import gg.pewstats.collectors.infra.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // LOG_FORMAT=json: JSON lines; LOG_LEVEL: the hub's level (read, also from .env, before the first logger is made)
        HubEnvironment environment = HubEnvironment.load(Path.of(home(args)), System.getenv());
        if ("json".equalsIgnoreCase(environment.variable("LOG_FORMAT")) && System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "logback-json.xml");
        }
        if (System.getenv("LOG_LEVEL") == null && environment.variable("LOG_LEVEL") != null) {
            System.setProperty("LOG_LEVEL", environment.variable("LOG_LEVEL"));
        }
        // a command (not a hub run) prints its own output: the hub's chatter only from WARN up
        boolean command = java.util.Arrays.stream(args)
                .anyMatch(java.util.List.of("db", "players", "discover", "reprocess", "backfill", "status")::contains);
        if (command && System.getProperty("LOG_ROOT_LEVEL") == null) {
            System.setProperty("LOG_ROOT_LEVEL", "WARN");
            if (environment.variable("LOG_LEVEL") == null) {
                System.setProperty("LOG_LEVEL", "WARN");
            }
        }
        picocli.CommandLine commandLine = new picocli.CommandLine(new gg.pewstats.collectors.cli.CollectorsCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> failed(e));
        System.exit(commandLine.execute(args));
    }

    /**
     * A run or command that failed: one line with the reason, not a stack trace (set LOG_LEVEL=DEBUG for
     * it). A setting missing or wrong exits 2, anything else 1.
     */
    static int failed(Throwable e) {
        Throwable reason = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            reason = t;
            if (t instanceof ConfigurationError) {
                break;
            }
        }
        System.err.println("collectors: " + LogSafe.escape(
                Secrets.maskUserInfo(String.valueOf(reason.getMessage()))));
        if ("DEBUG".equalsIgnoreCase(System.getenv("LOG_LEVEL"))) {
            e.printStackTrace();
        }
        return reason instanceof ConfigurationError ? 2 : 1;
    }

    /** The hub cannot run without its configuration file and route files: say where it looked, once. */
    static void requireHome(String home) {
        Path dir = Path.of(home).toAbsolutePath().normalize();
        Path config = dir.resolve("config").resolve("application.properties");
        if (!Files.isRegularFile(config)) {
            throw new ConfigurationError("no configuration file at " + config
                    + ": run the hub from the folder holding config/ and routes/, or name it with COLLECTORS_HOME or --home");
        }
        boolean routes;
        try (var files = Files.newDirectoryStream(dir.resolve("routes"), "*.camel.yaml")) {
            routes = files.iterator().hasNext();
        } catch (IOException e) {
            routes = false;
        }
        if (!routes) {
            throw new ConfigurationError("no route files (*.camel.yaml) in " + dir.resolve("routes")
                    + ": run the hub from the folder holding config/ and routes/, or name it with COLLECTORS_HOME or --home");
        }
    }

    /** The home folder a command line names with {@code --home}, else {@link #home()}. */
    private static String home(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--home=")) {
                return args[i].substring("--home=".length());
            }
        }
        return home();
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
        requireHome(home);
        main.setPropertyPlaceholderLocations("file:" + home + "/config/application.properties");
        main.addMainListener(new HubInfrastructure());
        main.configure().withRoutesIncludePattern("file:" + home + "/routes/*.camel.yaml");
        // edited route files take effect while the hub runs (routes.reload-enabled in the properties)
        main.configure().withRoutesReloadDirectory(home + "/routes");
        main.configure().withRoutesReloadPattern("*.camel.yaml");
        main.configure().withRoutesReloadRemoveAllRoutes(false);
    }
}
