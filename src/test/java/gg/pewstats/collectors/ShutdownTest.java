package gg.pewstats.collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import gg.pewstats.collectors.testing.HubHome;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.SharedDatabase;
import gg.pewstats.collectors.testing.StubbedPubg;
import gg.pewstats.collectors.testing.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM as an operator (or Docker, or systemd) sends it: the hub exits in seconds, cleanly. A discovery
 * run waiting on a key's throttle stops between calls; on the embedded servers the consumers stop first,
 * then the broker, then the database.
 */
class ShutdownTest {

    @TempDir
    Path work;

    @Test
    void aDiscoveryRunWaitingOnTheThrottleStopsBetweenCalls() throws Exception {
        try (SharedDatabase db = new SharedDatabase(); StubbedPubg pubg = new StubbedPubg(2, false)) {
            Map<String, String> env = pubg.hubEnvironment(db.servers, db.url, db.queueSuffix,
                    Files.createDirectories(work.resolve("telemetry")).toString());
            // two players calls, one allowed per two minutes: the second waits on the throttle
            env.put("DISCOVERY_BATCH_SIZE", "5");
            env.put("PUBG_DEFAULT_RPM", "1");
            env.put("PUBG_RATE_PERIOD_MS", "120000");
            env.put("DISCOVERY_CRON", "0/2 * * * * ?");
            Path log = work.resolve("discovery.log");
            HubProcess hub = HubProcess.start(env, log);
            try {
                SharedDatabase.waitFor("schema", Duration.ofSeconds(60),
                        () -> db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'players'") == 1);
                db.execute(pubg.insertPlayersSql());
                SharedDatabase.waitFor("the first players call", Duration.ofSeconds(60),
                        () -> pubg.api.findAll(getRequestedFor(urlPathEqualTo("/shards/steam/players"))).size() == 1);
                Thread.sleep(1500);
                long started = System.nanoTime();
                hub.stop();
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertThat(millis).as("exit after SIGTERM (ms)").isLessThan(10_000);
            } finally {
                if (hub.isAlive()) {
                    hub.kill();
                }
            }
            assertThat(pubg.api.findAll(getRequestedFor(urlPathEqualTo("/shards/steam/players")))).hasSize(1);
            String afterSignal = afterSigterm(log);
            assertThat(afterSignal).contains("Discovery run stopped by the shutdown").doesNotContain(" ERROR ").doesNotContain("\tat ");
        }
    }

    @Test
    void onTheEmbeddedServersConsumersStopBeforeTheBroker() throws Exception {
        HubHome.copyConfiguration(work);
        Map<String, String> env = new HashMap<>();
        env.put("COLLECTORS_HOME", work.toString());
        env.put("HTTP_PORT", Integer.toString(TestServers.freePort()));
        env.put("DB_EMBEDDED_PORT", "0");
        env.put("BROKER_EMBEDDED_PORT", Integer.toString(TestServers.freePort()));
        Path log = work.resolve("embedded.log");
        HubProcess hub = HubProcess.start(env, log, work);
        try {
            HubHome.waitForLog(log, "(pewstats-collectors) started");
            long started = System.nanoTime();
            hub.stop();
            assertThat((System.nanoTime() - started) / 1_000_000).as("exit after SIGTERM (ms)").isLessThan(10_000);
        } finally {
            if (hub.isAlive()) {
                hub.kill();
            }
        }
        String afterSignal = afterSigterm(log);
        assertThat(afterSignal).doesNotContain(" ERROR ").doesNotContain(" WARN ").doesNotContain("\tat ");
        List<String> order = List.of("Routes stopped", "Stopping broker connections", "Stopping embedded broker",
                "Stopping database pool", "Stopping embedded PostgreSQL");
        int last = -1;
        for (String step : order) {
            int at = afterSignal.indexOf(step);
            assertThat(at).as(step).isGreaterThan(last);
            last = at;
        }
    }

    private static String afterSigterm(Path log) throws Exception {
        String text = Files.readString(log);
        int signal = text.indexOf("triggered by SIGTERM");
        assertThat(signal).as("the hub saw SIGTERM").isPositive();
        return text.substring(signal);
    }
}
