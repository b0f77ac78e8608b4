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
 * so queued work survives a restart of the hub. Its data directory is the hub's user's alone (0700, files
 * 0600, Derby's files too), its password is generated at the first start and kept beside the data
 * directory ({@code <data-dir>.credentials}, 0600), and while it runs it holds {@value #LOCK} in its data
 * directory, so a command can tell this hub's broker from another program on the port.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final String INITIAL_CONFIG = "/broker/embedded-broker.json";
    /** Held by the process running the broker. */
    public static final String LOCK = "hub.lock";

    /** The broker's user and password (a hub joining a running broker reads them from the same file). */
    public record Credentials(String user, String password) {

        /** The credentials kept beside the data directory, created (and kept) at the first start. */
        public static Credentials forDataDirectory(Path dataDirectory) throws IOException {
            Path data = dataDirectory.toAbsolutePath().normalize();
            Path file = data.resolveSibling(data.getFileName() + ".credentials");
            java.util.Properties p = new java.util.Properties();
            if (Files.isRegularFile(file)) {
                try (var in = Files.newInputStream(file)) {
                    p.load(in);
                }
                return new Credentials(p.getProperty("user"), p.getProperty("password"));
            }
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            Credentials created = new Credentials("pewstats", java.util.HexFormat.of().formatHex(bytes));
            p.setProperty("user", created.user());
            p.setProperty("password", created.password());
            PrivateFiles.createPrivateDirectories(data.getParent());
            PrivateFiles.writePrivate(file, out -> p.store(out, "embedded broker of the hub: user and password (keep private)"));
            return created;
        }
    }

    private final ContainerHolder container = new ContainerHolder();
    private final SystemLauncher launcher = new SystemLauncher(container);
    private final int port;
    private final Path dataDirectory;
    private java.nio.channels.FileChannel lockChannel;

    private EmbeddedBroker(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the broker; the user and password are the ones the hub connects with. */
    public static EmbeddedBroker start(Path dataDirectory, int port, String user, String password) throws Exception {
        Path work = dataDirectory.toAbsolutePath();
        PrivateFiles.createPrivateDirectories(work);
        PrivateFiles.tighten(work);
        // Derby (the message store) makes its files readable by the owner only
        System.setProperty("derby.storage.useDefaultFilePermissions", "false");
        Path initialConfig = work.resolve("initial-config.json");
        try (InputStream in = EmbeddedBroker.class.getResourceAsStream(INITIAL_CONFIG)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + INITIAL_CONFIG);
            }
            byte[] config = in.readAllBytes();
            PrivateFiles.writePrivate(initialConfig, out -> out.write(config));
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
        broker.lockChannel = java.nio.channels.FileChannel.open(work.resolve(LOCK), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE);
        if (broker.lockChannel.tryLock() == null) {
            broker.lockChannel.close();
            throw new ConfigurationError("another process runs the embedded broker of " + work);
        }
        broker.launcher.startup(attributes);
        broker.container.withdrawShutdownHook();
        PrivateFiles.tighten(work);
        return broker;
    }

    /**
     * Qpid's broker registers a JVM shutdown hook that stops it the moment SIGTERM arrives, before the
     * hub's consumers have drained: then nothing in flight can be acknowledged or published. The hub stops
     * the broker itself, after its routes (consumers, then in-flight work), so that hook is taken back.
     */
    private static final class ContainerHolder extends org.apache.qpid.server.SystemLauncherListener.DefaultSystemLauncherListener {
        private volatile org.apache.qpid.server.model.SystemConfig<?> systemConfig;

        @Override
        public void onContainerResolve(org.apache.qpid.server.model.SystemConfig<?> config) {
            this.systemConfig = config;
        }

        void withdrawShutdownHook() {
            Object broker = systemConfig == null ? null : systemConfig.getContainer();
            if (broker == null) {
                return;
            }
            try {
                Class<?> type = broker.getClass();
                java.lang.reflect.Field field = null;
                for (Class<?> c = type; c != null && field == null; c = c.getSuperclass()) {
                    try {
                        field = c.getDeclaredField("_shutdownHook");
                    } catch (NoSuchFieldException next) {
                        // look further up
                    }
                }
                if (field != null) {
                    field.setAccessible(true);
                    Runtime.getRuntime().removeShutdownHook((Thread) field.get(broker));
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(EmbeddedBroker.class)
                        .warn("Could not take back the embedded broker's own shutdown hook ({}): on SIGTERM it may stop "
                                + "before the consumers drain", e.toString());
            }
        }
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
        try {
            PrivateFiles.tighten(dataDirectory);
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // stopping anyway
        }
    }
}
