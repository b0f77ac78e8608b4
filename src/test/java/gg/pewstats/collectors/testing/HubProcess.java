package gg.pewstats.collectors.testing;

import gg.pewstats.collectors.CollectorsApplication;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hub in a JVM of its own, as {@code java -jar collectors.jar} runs it (same main class, routes and
 * configuration file), configured only by environment variables, so that a test can kill it with
 * SIGKILL and start it again.
 */
public final class HubProcess {

    private static final List<String> INHERITED_SETTINGS = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "RABBITMQ_URL",
            "RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USERNAME", "RABBITMQ_PASSWORD", "PUBG_API_KEYS", "ENVIRONMENT",
            "DATABASE_URL", "POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
            "RABBITMQ_USER", "RABBITMQ_VHOST", "PUBG_MAIN_KEYS", "HUB_EMBEDDED", "COLLECTORS_HOME", "LOG_LEVEL");

    private final Process process;

    private HubProcess(Process process) {
        this.process = process;
    }

    public static HubProcess start(Map<String, String> environment, Path log) throws Exception {
        return start(environment, log, Path.of("."));
    }

    /** As {@link #start(Map, Path)}, in the working directory given (relative paths such as ./data are there). */
    public static HubProcess start(Map<String, String> environment, Path log, Path workingDirectory) throws Exception {
        return start(environment, log, workingDirectory, "-Xmx512m");
    }

    /** As {@link #start(Map, Path, Path)}, with the JVM's heap limit given (for example -Xmx256m). */
    public static HubProcess start(Map<String, String> environment, Path log, Path workingDirectory, String heap)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), CollectorsApplication.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).directory(workingDirectory.toFile());
        INHERITED_SETTINGS.forEach(builder.environment()::remove);
        builder.environment().putAll(environment);
        return new HubProcess(builder.start());
    }

    /** Waits for the process to end by itself; its exit code, or -1 if it still runs after the time given. */
    public int waitForExit(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** The most memory the process has held resident so far (VmHWM in /proc), in bytes; -1 where unknown. */
    public long peakResidentBytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, and wait for the graceful shutdown. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
