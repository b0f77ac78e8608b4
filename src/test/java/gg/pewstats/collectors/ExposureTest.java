package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gg.pewstats.collectors.infra.EmbeddedDatabase;
import gg.pewstats.collectors.testing.HubHome;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.SharedDatabase;
import gg.pewstats.collectors.testing.TestServers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/**
 * The hub on its embedded defaults, probed as another local user would: its database wants a password and
 * gives the hub no superuser, its broker wants its own password, health and metrics listen on 127.0.0.1,
 * nothing under ./data is readable by others; after SIGKILL a restart stops the orphan server it left, and
 * a foreign program on its port is refused by name.
 */
class ExposureTest {

    @TempDir
    Path home;

    @Test
    void theEmbeddedDefaultsArePrivateToTheHubsUser() throws Exception {
        HubHome.copyConfiguration(home);
        int dbPort = TestServers.freePort();
        int brokerPort = TestServers.freePort();
        int httpPort = TestServers.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("COLLECTORS_HOME", home.toString());
        env.put("HTTP_PORT", Integer.toString(httpPort));
        env.put("DB_EMBEDDED_PORT", Integer.toString(dbPort));
        env.put("BROKER_EMBEDDED_PORT", Integer.toString(brokerPort));
        Path log = home.resolve("hub.log");
        HubProcess hub = HubProcess.start(env, log, home);
        try {
            HubHome.waitForLog(log, "(pewstats-collectors) started");
            String url = "jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres";
            // no password, no entry; the socket is in ./data/run, not in /tmp
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertThat(home.resolve("data/run/.s.PGSQL." + dbPort)).exists();
            assertThat(Path.of("/tmp/.s.PGSQL." + dbPort)).doesNotExist();
            // the hub's own role is no superuser: no COPY TO PROGRAM for whoever got its password
            Properties credentials = properties(home.resolve("data/postgres.credentials"));
            try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.APP_ROLE, credentials.getProperty("pewstats"));
                    Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute("COPY (SELECT 1) TO PROGRAM 'true'")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("pg_execute_server_program");
                var rs = s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                rs = s.executeQuery("SELECT pg_get_userbyid(relowner) FROM pg_class WHERE relname = 'matches'");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(EmbeddedDatabase.APP_ROLE);
            }
            // the broker wants its generated password, not guest/guest
            assertThat(amqpConnects(brokerPort, "guest", "guest")).isFalse();
            Properties broker = properties(home.resolve("data/broker.credentials"));
            assertThat(amqpConnects(brokerPort, broker.getProperty("user"), broker.getProperty("password"))).isTrue();
            // health and metrics: this machine only
            assertThat(Files.readString(log)).contains("HttpServer started on 127.0.0.1:" + httpPort);
            for (InetAddress address : otherAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, httpPort), 1000))
                            .as("health on %s", address).isInstanceOf(IOException.class);
                }
            }
            // binaries unpacked into the hub's data, not a shared cache
            assertThat(home.resolve("data/pg-binaries")).isDirectory();
            assertThat(readableByOthers(home.resolve("data"))).as("files under ./data others can use").isEmpty();

            // SIGKILL leaves PostgreSQL running: the next start stops it and starts it again
            hub.kill();
            Path second = home.resolve("second.log");
            hub = HubProcess.start(env, second, home);
            HubHome.waitForLog(second, "(pewstats-collectors) started");
            assertThat(Files.readString(second)).contains("left running on 127.0.0.1:" + dbPort + " by a hub that was killed");
            hub.stop();
            assertThat(readableByOthers(home.resolve("data"))).as("files under ./data others can use, after a run").isEmpty();
        } finally {
            if (hub.isAlive()) {
                hub.kill();
            }
            stopOrphan();
        }

        // a program that is not the hub's on its database port: refused, its credentials never sent there
        try (ServerSocket foreign = new ServerSocket(dbPort, 50, InetAddress.getLoopbackAddress())) {
            Path third = home.resolve("third.log");
            int code = HubProcess.start(env, third, home).waitForExit(60);
            assertThat(code).isEqualTo(2);
            assertThat(Files.readString(third)).contains("collectors: 127.0.0.1:" + dbPort
                    + " is taken by a program that is not this hub's embedded PostgreSQL");
        }
    }

    @Test
    void aDataDirectoryOfAnOlderHubGetsPasswordsAndItsOwnRole() throws Exception {
        Path data = home.resolve("data");
        // an older hub: zonky's defaults (trust for everyone), a table owned by the superuser
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data.toFile()).setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(home.resolve("bin").toFile()).start();
                Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE matches (match_id TEXT PRIMARY KEY)");
            s.execute("INSERT INTO matches VALUES ('kept')");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, home.resolve("bin"), home.resolve("run"))) {
            assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "postgres", "")).isInstanceOf(SQLException.class);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
                var rs = s.executeQuery("SELECT match_id, pg_get_userbyid(relowner) FROM matches, pg_class WHERE relname = 'matches'");
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("kept");
                assertThat(rs.getString(2)).isEqualTo(EmbeddedDatabase.APP_ROLE);
            }
        }
        // the passwords stay: a second start uses the same
        Properties first = properties(EmbeddedDatabase.credentialsFile(data));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, home.resolve("bin"), home.resolve("run"))) {
            assertThat(db.password()).isEqualTo(first.getProperty("pewstats"));
        }
    }

    private void stopOrphan() {
        gg.pewstats.collectors.infra.EmbeddedServers.orphanPostgres(home.resolve("data/postgres"),
                        Integer.parseInt("0" + readPort()))
                .ifPresent(p -> gg.pewstats.collectors.infra.EmbeddedServers.stop(p, 20));
    }

    private String readPort() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("data/postgres/postmaster.pid"));
            return lines.size() > 3 ? lines.get(3).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean amqpConnects(int port, String user, String password) {
        CachingConnectionFactory factory = new CachingConnectionFactory("127.0.0.1", port);
        factory.setUsername(user);
        factory.setPassword(password);
        try {
            factory.createConnection().close();
            return true;
        } catch (RuntimeException e) {
            return false;
        } finally {
            factory.destroy();
        }
    }

    private static List<String> readableByOthers(Path dir) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (!Collections.disjoint(perms, List.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                        PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE,
                        PosixFilePermission.GROUP_EXECUTE))) {
                    open.add(dir.relativize(p) + " " + java.nio.file.attribute.PosixFilePermissions.toString(perms));
                }
            }
        }
        return open;
    }

    private static List<InetAddress> otherAddresses() throws IOException {
        List<InetAddress> addresses = new ArrayList<>();
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        addresses.add(a);
                    }
                }
            }
        }
        return addresses;
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

}
