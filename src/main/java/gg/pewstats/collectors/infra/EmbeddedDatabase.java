package gg.pewstats.collectors.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's packaged binaries, nothing downloaded) started by the hub when no
 * {@code DB_URL} is configured. Its data directory survives restarts. It is private to the hub's user:
 * <ul>
 * <li>password authentication (scram-sha-256) for TCP and the socket, with passwords generated at the
 * first start and kept beside the data directory ({@code <data-dir>.credentials}, 0600), reused at every
 * start;</li>
 * <li>the hub connects as {@value #APP_ROLE}, a role without superuser rights that owns the schema (so no
 * {@code COPY ... TO PROGRAM}); the superuser password is used only to set that role up;</li>
 * <li>its socket in a 0700 folder of the hub's (never the world-writable /tmp), TCP on 127.0.0.1 only;</li>
 * <li>its binaries unpacked under the hub's own 0700 data folder (never a shared /tmp cache).</li>
 * </ul>
 * A data directory made by an older hub (trust authentication, no credentials file) gets its passwords at
 * its next start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** The role the hub works as. */
    public static final String APP_ROLE = "pewstats";
    /** The credentials file of a data directory: beside it, {@code <data-dir>.credentials}. */
    public static Path credentialsFile(Path dataDirectory) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        return data.resolveSibling(data.getFileName() + ".credentials");
    }

    private static final String HBA = "# written by the hub at every start: passwords for every connection\n"
            + "local all all scram-sha-256\n"
            + "host all all 127.0.0.1/32 scram-sha-256\n"
            + "host all all ::1/128 scram-sha-256\n";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Credentials credentials;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, Credentials credentials) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.credentials = credentials;
    }

    /** The passwords of one embedded server. */
    public record Credentials(String superuserPassword, String appPassword) {

        static Credentials generate() {
            return new Credentials(random(), random());
        }

        private static String random() {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        /** The credentials kept for a data directory, or null when it has none (new, or made by an older hub). */
        public static Credentials read(Path dataDirectory) throws IOException {
            Path file = credentialsFile(dataDirectory);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            Properties p = new Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            return new Credentials(p.getProperty("superuser"), p.getProperty(APP_ROLE));
        }

        /** The credentials of a data directory: the ones kept, or new ones, kept from now on (before any start). */
        public static Credentials forDataDirectory(Path dataDirectory) throws IOException {
            Credentials kept = read(dataDirectory);
            if (kept != null) {
                return kept;
            }
            Credentials created = generate();
            PrivateFiles.createPrivateDirectories(dataDirectory.toAbsolutePath().getParent());
            created.write(dataDirectory);
            return created;
        }

        void write(Path dataDirectory) throws IOException {
            Properties p = new Properties();
            p.setProperty("superuser", superuserPassword);
            p.setProperty(APP_ROLE, appPassword);
            Path file = credentialsFile(dataDirectory);
            PrivateFiles.writePrivate(file, out -> p.store(out, "embedded PostgreSQL of the hub: passwords (keep private)"));
        }
    }

    /**
     * Starts PostgreSQL on 127.0.0.1 ({@code port} 0 picks a free port) with its data in {@code dataDirectory},
     * its binaries in {@code binariesDirectory} and its socket in {@code socketDirectory}.
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Path binariesDirectory, Path socketDirectory)
            throws IOException, SQLException {
        Path data = dataDirectory.toAbsolutePath();
        PrivateFiles.createPrivateDirectories(data);
        PrivateFiles.createPrivateDirectories(binariesDirectory.toAbsolutePath());
        PrivateFiles.createPrivateDirectories(socketDirectory.toAbsolutePath());
        boolean initialized = Files.exists(data.resolve("postgresql.conf"));
        Credentials kept = Credentials.read(data);
        boolean legacy = initialized && kept == null;
        Credentials credentials = kept != null ? kept : Credentials.generate();
        Path pwfile = socketDirectory.toAbsolutePath().resolve("initdb-password");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data.toFile())
                .setCleanDataDirectory(false)
                // the hub stops PostgreSQL itself, after its consumers: not at the first moment of SIGTERM
                .setRegisterShutdownHook(false)
                .setOverrideWorkingDirectory(binariesDirectory.toAbsolutePath().toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "'" + socketDirectory.toAbsolutePath() + "'")
                .setServerConfig("unix_socket_permissions", "0700")
                .setServerConfig("password_encryption", "scram-sha-256")
                // zonky's test defaults would acknowledge commits before they are on disk
                .setServerConfig("synchronous_commit", "on")
                .setConnectConfig("password", credentials.superuserPassword());
        if (!initialized) {
            // initdb sets the superuser's password and password authentication from the first moment
            PrivateFiles.writePrivate(pwfile, out -> out.write(credentials.superuserPassword().getBytes()));
            builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", pwfile.toString());
        }
        if (!legacy) {
            builder.setDataDirectoryCustomizer(dir -> writeHba(dir.toPath()));
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(pwfile);
        }
        // zonky opens its binaries folder to everyone; it is the hub's alone
        PrivateFiles.tighten(binariesDirectory.toAbsolutePath());
        try {
            setUp(postgres.getPort(), credentials, legacy, data);
        } catch (SQLException | IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        if (kept == null) {
            credentials.write(data);
        }
        PrivateFiles.tighten(data);
        return new EmbeddedDatabase(postgres, data, credentials);
    }

    private static void writeHba(Path dataDirectory) {
        try {
            PrivateFiles.writePrivate(dataDirectory.resolve("pg_hba.conf"), out -> out.write(HBA.getBytes()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * As the superuser: the hub's role (no superuser rights, its password from the credentials) owning the
     * public schema and everything in it, tables an older hub made as the superuser included. A data
     * directory of an older hub gets the superuser's password and password authentication here.
     */
    private static void setUp(int port, Credentials credentials, boolean legacy, Path dataDirectory)
            throws SQLException, IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        // JDBC in Java: as the superuser, before the hub's pool (and any route) exists
        try (Connection c = DriverManager.getConnection(url, "postgres", credentials.superuserPassword());
                Statement s = c.createStatement()) {
            if (legacy) {
                s.execute("ALTER ROLE postgres PASSWORD '" + credentials.superuserPassword() + "'");
            }
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + APP_ROLE + "') THEN "
                    + "CREATE ROLE " + APP_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; END $$");
            s.execute("ALTER ROLE " + APP_ROLE + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '"
                    + credentials.appPassword() + "'");
            s.execute("ALTER SCHEMA public OWNER TO " + APP_ROLE);
            s.execute("DO $$ DECLARE r RECORD; BEGIN "
                    + "FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') "
                    + "AND pg_get_userbyid(c.relowner) <> '" + APP_ROLE + "' LOOP "
                    + "EXECUTE format('ALTER %s public.%I OWNER TO " + APP_ROLE + "', CASE r.relkind WHEN 'S' THEN 'SEQUENCE' "
                    + "WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname); END LOOP; "
                    + "FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                    + "WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> '" + APP_ROLE + "' LOOP "
                    + "EXECUTE format('ALTER FUNCTION %s OWNER TO " + APP_ROLE + "', r.f); END LOOP; END $$");
            if (legacy) {
                writeHba(dataDirectory);
                s.execute("SELECT pg_reload_conf()");
                LOG.warn("Embedded PostgreSQL in {}: made by an older hub with trust authentication; it now has "
                        + "passwords and the hub works as role '{}'", dataDirectory, APP_ROLE);
            }
        }
    }

    /** The hub's connection: database postgres as the hub's role. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return APP_ROLE;
    }

    public String password() {
        return credentials.appPassword();
    }

    /** The superuser, for whoever must create databases (the test servers). */
    public String superuserPassword() {
        return credentials.superuserPassword();
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
