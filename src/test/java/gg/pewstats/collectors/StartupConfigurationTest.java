package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import gg.pewstats.collectors.testing.HubHome;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.SharedDatabase;
import gg.pewstats.collectors.testing.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The hub started as {@code java -jar} starts it (its own JVM, its main class, configured only by the
 * environment and the home folder), with the settings an operator of the seed design or of the live
 * PewStats system would write: the JSON form of PUBG_API_KEYS, DATABASE_URL, a .env file with the live
 * names under the real environment, and a production environment with a server missing.
 */
class StartupConfigurationTest {

    @TempDir
    Path home;

    @Test
    void theJsonKeyFormsStartTheHubWithTheirRates() throws Exception {
        HubHome.copyConfiguration(home);
        try (SharedDatabase db = new SharedDatabase()) {
            TestServers servers = db.servers;
            for (String[] keys : new String[][] {
                {"[{\"key\":\"abcd1234\",\"rpm\":30},{\"key\":\"efgh5678\"}]", "[key1…1234 at 30 rpm, key2…5678 at 10 rpm]"},
                {"[\"abcd1234\"]", "[key1…1234 at 10 rpm]"}}) {
                Map<String, String> env = brokerEnvironment(db);
                // the seed's form of the database setting
                env.put("DATABASE_URL", seedDatabaseUrl(db.url, servers.dbUser(), servers.dbPassword()));
                env.put("PUBG_API_KEYS", keys[0]);
                Path log = home.resolve("hub-" + keys[0].length() + ".log");
                HubProcess hub = HubProcess.start(env, log, home);
                try {
                    HubHome.waitForLog(log, "PUBG API keys: " + keys[1]);
                    HubHome.waitForLog(log, "Apache Camel 4.17.0 (pewstats-collectors) started");
                    assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE success")).as("migrated").isPositive();
                    // HTTP_PORT (the seed's and the live system's name) moves the health endpoint
                    String health = "http://127.0.0.1:" + env.get("HTTP_PORT") + "/observe/health";
                    SharedDatabase.waitFor("health UP", Duration.ofSeconds(60), () -> {
                        try {
                            return gg.pewstats.collectors.testing.Http.get(health).body().contains("UP");
                        } catch (Exception e) {
                            return false;
                        }
                    });
                } finally {
                    hub.stop();
                }
                assertThat(Files.readString(log)).doesNotContain("not valid JSON").doesNotContain("abcd1234");
            }
        }
    }

    @Test
    void aDotEnvFileWithTheLiveSystemsNamesIsReadBelowTheEnvironment() throws Exception {
        HubHome.copyConfiguration(home);
        try (SharedDatabase db = new SharedDatabase()) {
            TestServers servers = db.servers;
            String password = servers.dbPassword().isEmpty() ? "Dotenv-Secret-Pw-4417" : servers.dbPassword();
            String key = "live-main-key-secret-9876";
            String database = db.url.substring(db.url.lastIndexOf('/') + 1);
            String hostPort = db.url.substring("jdbc:postgresql://".length(), db.url.lastIndexOf('/'));
            Files.writeString(home.resolve(".env"), String.join("\n",
                    "# as the live PewStats .env names them",
                    "ENVIRONMENT=from-dotenv-not-used",
                    "POSTGRES_HOST=" + hostPort.substring(0, hostPort.indexOf(':')),
                    "POSTGRES_PORT=" + hostPort.substring(hostPort.indexOf(':') + 1),
                    "POSTGRES_DB=" + database,
                    "POSTGRES_USER=" + servers.dbUser(),
                    "POSTGRES_PASSWORD='" + password + "'",
                    "RABBITMQ_HOST=" + servers.amqpHost(),
                    "RABBITMQ_PORT=" + servers.amqpPort(),
                    "RABBITMQ_USER=" + servers.amqpUser(),
                    "RABBITMQ_PASSWORD=" + servers.amqpPassword(),
                    "PUBG_MAIN_KEYS=" + key,
                    ""));
            Map<String, String> env = new HashMap<>();
            env.put("COLLECTORS_HOME", home.toString());
            env.put("ENVIRONMENT", db.queueSuffix); // the real environment wins over .env
            env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
            Path log = home.resolve("hub.log");
            HubProcess hub = HubProcess.start(env, log, home);
            try {
                HubHome.waitForLog(log, "PUBG API keys: [key1…9876 at 10 rpm]");
                HubHome.waitForLog(log, "Apache Camel 4.17.0 (pewstats-collectors) started");
                assertThat(db.count("SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
                assertThat(queueExists(servers, "match.discovered." + db.queueSuffix)).isTrue();
                assertThat(queueExists(servers, "match.discovered.from-dotenv-not-used")).isFalse();
            } finally {
                hub.stop();
            }
            String text = Files.readString(log);
            assertThat(text).contains("Database: jdbc:postgresql://" + hostPort + "/" + database)
                    .doesNotContain(key).doesNotContain("Dotenv-Secret-Pw");
            assertThat(Files.exists(home.resolve("data"))).as("no embedded server started").isFalse();
        }
    }

    @Test
    void aProductionHubWithoutItsServersStopsNamingTheSettings() throws Exception {
        HubHome.copyConfiguration(home);
        Map<String, String> env = new HashMap<>();
        env.put("COLLECTORS_HOME", home.toString());
        env.put("ENVIRONMENT", "prod");
        env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        Path log = home.resolve("prod.log");
        HubProcess hub = HubProcess.start(env, log, home);
        int code = hub.waitForExit(60);
        String text = Files.readString(log);
        assertThat(code).as(text).isEqualTo(2);
        assertThat(text).contains("collectors: ENVIRONMENT is 'prod' and no server is set for the database: db.url (DB_URL, DATABASE_URL")
                .contains("for the broker: rabbitmq.url or rabbitmq.host (RABBITMQ_URL or RABBITMQ_HOST)")
                .doesNotContain("\tat ");
        assertThat(Files.exists(home.resolve("data"))).as("nothing written to ./data").isFalse();

        // the same with hub.embedded=true says so: the embedded servers are allowed (and the check passes)
        env.put("HUB_EMBEDDED", "false");
        env.put("ENVIRONMENT", "dev");
        Path devLog = home.resolve("dev.log");
        int devCode = HubProcess.start(env, devLog, home).waitForExit(60);
        assertThat(devCode).as("hub.embedded=false refuses the embedded servers in dev too").isEqualTo(2);
        assertThat(Files.readString(devLog)).contains("ENVIRONMENT is 'dev' and no server is set");
    }

    private Map<String, String> brokerEnvironment(SharedDatabase db) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("COLLECTORS_HOME", home.toString());
        env.put("ENVIRONMENT", db.queueSuffix);
        env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        env.put("RABBITMQ_HOST", db.servers.amqpHost());
        env.put("RABBITMQ_PORT", Integer.toString(db.servers.amqpPort()));
        // the live system's name of the broker user
        env.put("RABBITMQ_USER", db.servers.amqpUser());
        env.put("RABBITMQ_PASSWORD", db.servers.amqpPassword());
        return env;
    }

    /** {@code jdbc:postgresql://host:port/db} as the seed's {@code postgresql://user:password@host:port/db}. */
    private static String seedDatabaseUrl(String jdbcUrl, String user, String password) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        return "postgresql://" + user + (password.isEmpty() ? "" : ":" + password) + "@" + rest;
    }

    private static boolean queueExists(TestServers servers, String queue) {
        CachingConnectionFactory connections = new CachingConnectionFactory(servers.amqpHost(), servers.amqpPort());
        connections.setUsername(servers.amqpUser());
        connections.setPassword(servers.amqpPassword());
        try {
            return new RabbitAdmin(connections).getQueueInfo(queue) != null;
        } finally {
            connections.destroy();
        }
    }

}
