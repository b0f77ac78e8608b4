package gg.pewstats.collectors;

import static org.assertj.core.api.Assertions.assertThat;

import gg.pewstats.collectors.testing.Http;
import gg.pewstats.collectors.testing.HubHome;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.SharedDatabase;
import gg.pewstats.collectors.testing.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * What the hub writes to its log and to dead-letter headers, read as an operator reads them (the log file of
 * a hub in its own JVM): a value from a message cannot forge a log line, hide behind bidirectional
 * characters or set the hub's own headers; a password in a database URL never shows; a dependency away is
 * one line per failed run, not a stack trace; a hub without its files says so in one line.
 */
class LogHygieneTest {

    private static final String FORGED_LINE = "2026-01-01 00:00:00.000 ERROR [main] forged.logger - the hub was owned";

    @TempDir
    Path work;

    @Test
    void valuesFromMessagesNeitherForgeLinesNorTheHubsHeaders() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            Map<String, String> env = environment(db);
            Path log = work.resolve("hub.log");
            HubProcess hub = HubProcess.start(env, log);
            try {
                HubHome.waitForLog(log, "Apache Camel 4.17.0 (pewstats-collectors) started");
                db.execute("INSERT INTO matches (match_id, status) VALUES ('m-forge', 'summarized')");
                String queue = "match.telemetry." + db.queueSuffix;
                CachingConnectionFactory connections = connections(db.servers);
                try {
                    RabbitTemplate rabbit = new RabbitTemplate(connections);
                    publish(rabbit, queue, "{\"match_id\":\"m-forge\",\"telemetry_url\":\"https://evil.example.com/x.json\\n"
                            + FORGED_LINE + "\",\"map_name\":\"Rondo\",\"game_mode\":\"squad\","
                            + "\"match_datetime\":\"2026-04-15T21:45:33Z\"}");
                    publish(rabbit, queue, "{\"match_id\":\"bidi\u202Eevil\",\"telemetry_url\":\"https://telemetry-cdn.pubg.com/a.json\","
                            + "\"map_name\":\"Rondo\",\"game_mode\":\"squad\",\"match_datetime\":\"2026-04-15T21:45:33Z\"}");
                    List<Message> dead = List.of(receive(rabbit, queue + ".dlq"), receive(rabbit, queue + ".dlq"));
                    for (Message m : dead) {
                        Map<String, Object> headers = m.getMessageProperties().getHeaders();
                        String reason = String.valueOf(headers.get("x-dead-letter-reason"));
                        assertThat(reason).doesNotContain("\n").doesNotContain("\u202E").isNotEqualTo("forged");
                        assertThat(String.valueOf(headers.get("x-first-failure-at"))).as("set by the hub").doesNotStartWith("1999");
                        assertThat(headers.get("x-dead-letter-stage")).isEqualTo("telemetry-download");
                    }
                    assertThat(dead).extracting(m -> String.valueOf(m.getMessageProperties().getHeaders().get("x-dead-letter-reason")))
                            .anySatisfy(r -> assertThat(r).contains("\\n" + FORGED_LINE))
                            .anySatisfy(r -> assertThat(r).contains("bidi\\u202Eevil"));
                } finally {
                    connections.destroy();
                }
                HubHome.waitForLog(log, "bidi\\u202Eevil");
            } finally {
                hub.stop();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text.lines()).noneMatch(line -> line.startsWith(FORGED_LINE));
            assertThat(text).contains("\\n" + FORGED_LINE).doesNotContain("\u202E");
        }
    }

    @Test
    void aPasswordInTheDatabaseUrlNeverShowsAndAnOutageIsOneLinePerRun() throws Exception {
        try (SharedDatabase db = new SharedDatabase()) {
            Map<String, String> env = environment(db);
            env.put("DB_URL", "jdbc:postgresql://root:S3cretPw-0042@127.0.0.1:" + TestServers.freePort() + "/nowhere");
            env.put("DISCOVERY_CRON", "0/2 * * * * ?");
            env.put("RECOVERY_CRON", "0/2 * * * * ?");
            Path log = work.resolve("down.log");
            HubProcess hub = HubProcess.start(env, log);
            String health;
            try {
                HubHome.waitForLog(log, "Apache Camel 4.17.0 (pewstats-collectors) started");
                SharedDatabase.waitFor("three failed recovery runs", Duration.ofSeconds(60),
                        () -> HubHome.count(log, "recovery-schedule run failed") >= 3);
                health = Http.get("http://127.0.0.1:" + env.get("HTTP_PORT") + "/observe/health").body();
            } finally {
                hub.stop();
            }
            assertThat(health).contains("\"DOWN\"").contains("database").doesNotContain("pewstats-db")
                    .doesNotContain("Connection").doesNotContain("127.0.0.1");
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).doesNotContain("S3cretPw").contains("Database: jdbc:postgresql://…@127.0.0.1:");
            String running = text.substring(text.indexOf("started in"), text.indexOf("is shutting down"));
            assertThat(running).as("no stack trace while PostgreSQL is away").doesNotContain("\tat ");
        }
    }

    @Test
    void withoutItsConfigurationTheHubSaysWhereItLookedInOneLine() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));
        Path log = work.resolve("empty.log");
        int code = HubProcess.start(Map.of(), log, empty).waitForExit(60);
        List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
        assertThat(code).isEqualTo(2);
        assertThat(lines).containsExactly("collectors: no configuration file at " + empty.toRealPath().resolve("config")
                .resolve("application.properties") + ": run the hub from the folder holding config/ and routes/, "
                + "or name it with COLLECTORS_HOME or --home");
    }

    private Map<String, String> environment(SharedDatabase db) throws IOException {
        Map<String, String> env = db.hubEnvironment();
        env.put("TELEMETRY_STORAGE_PATH", Files.createDirectories(work.resolve("telemetry")).toString());
        env.put("STAGE_RETRY_INITIAL_DELAY_MS", "100");
        return env;
    }

    private static CachingConnectionFactory connections(TestServers servers) {
        CachingConnectionFactory connections = new CachingConnectionFactory(servers.amqpHost(), servers.amqpPort());
        connections.setUsername(servers.amqpUser());
        connections.setPassword(servers.amqpPassword());
        return connections;
    }

    private static void publish(RabbitTemplate rabbit, String queue, String body) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/json");
        properties.setHeader("x-first-failure-at", "1999-01-01T00:00:00Z");
        properties.setHeader("x-dead-letter-reason", "forged");
        rabbit.send("", queue, new Message(body.getBytes(StandardCharsets.UTF_8), properties));
    }

    private static Message receive(RabbitTemplate rabbit, String queue) {
        Message m = rabbit.receive(queue, 30_000);
        assertThat(m).as("a dead letter on " + queue).isNotNull();
        return m;
    }

}
