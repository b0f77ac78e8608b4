package gg.pewstats.collectors.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.qpid.server.SystemLauncher;

/**
 * An AMQP 0-9-1 broker (Apache Qpid Broker-J) inside the hub's JVM, started when no RabbitMQ is configured.
 * It listens on 127.0.0.1 only and keeps persistent messages in a Derby store under its data directory,
 * so queued work survives a restart of the hub.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String INITIAL_CONFIG = "/broker/embedded-broker.json";

    private final SystemLauncher launcher = new SystemLauncher();
    private final int port;
    private final Path dataDirectory;

    private EmbeddedBroker(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the broker; the user and password are the ones the hub connects with. */
    public static EmbeddedBroker start(Path dataDirectory, int port, String user, String password) throws Exception {
        Path work = dataDirectory.toAbsolutePath();
        Files.createDirectories(work);
        Path initialConfig = work.resolve("initial-config.json");
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream(INITIAL_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + INITIAL_CONFIG);
            }
            Files.writeString(initialConfig, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", work.toString());
        context.put("qpid.amqp_port", Integer.toString(port));
        context.put("hub.broker.user", user);
        context.put("hub.broker.password", password);

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "JSON");
        attributes.put("storePath", work.resolve("broker-config.json").toString());
        attributes.put("initialConfigurationLocation", initialConfig.toUri().toURL().toExternalForm());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        EmbeddedBroker broker = new EmbeddedBroker(port, work);
        broker.launcher.startup(attributes);
        return broker;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() {
        launcher.shutdown();
    }
}
