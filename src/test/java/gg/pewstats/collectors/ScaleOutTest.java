package gg.pewstats.collectors;

import static gg.pewstats.collectors.testing.SharedDatabase.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gg.pewstats.collectors.testing.HubProcess;
import gg.pewstats.collectors.testing.SharedDatabase;
import gg.pewstats.collectors.testing.StubbedPubg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Two hubs on one PostgreSQL and one broker share the work: both consume the stage queues, only one runs
 * discovery, and when that one dies the other takes discovery over.
 */
class ScaleOutTest {

    private static final int MATCHES = 40;
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @Test
    void twoHubsShareTheWorkAndDiscoveryFailsOver() throws Exception {
        Path storage = Files.createTempDirectory("pewstats-scale-telemetry");
        Path logA = Path.of("target", "scale-hub-a.log");
        Path logB = Path.of("target", "scale-hub-b.log");
        Files.deleteIfExists(logA);
        Files.deleteIfExists(logB);
        HubProcess a = null;
        HubProcess b = null;
        CachingConnectionFactory connections = null;
        try (SharedDatabase db = new SharedDatabase(); StubbedPubg pubg = new StubbedPubg(MATCHES, false)) {
            Map<String, String> envA = pubg.hubEnvironment(db.servers, db.url, db.queueSuffix, storage.toString());
            envA.put("HOSTNAME", "hub-a");
            // the test reads match.completed itself (which hub extracted what); StatsAggregationTest covers its consumer
            envA.put("STAGE_STATS_AGGREGATION_ENABLED", "false");
            envA.put("DISCOVERY_CRON", "0/2 * * * * ?");
            Map<String, String> envB = pubg.hubEnvironment(db.servers, db.url, db.queueSuffix, storage.toString());
            envB.putAll(Map.of("HOSTNAME", "hub-b", "DISCOVERY_CRON", "0/2 * * * * ?", "STAGE_STATS_AGGREGATION_ENABLED", "false"));

            a = HubProcess.start(envA, logA);
            waitFor("schema migrated", LIMIT, () -> db.count("SELECT count(*) FROM pg_tables WHERE tablename = 'players'") == 1);
            b = HubProcess.start(envB, logB);
            db.execute(pubg.insertPlayersSql());
            waitFor("every match completed", LIMIT,
                    () -> db.count("SELECT count(*) FROM matches WHERE status = 'completed'") == MATCHES);

            // both hubs extracted matches: the completion messages name their workers
            connections = new CachingConnectionFactory(db.servers.amqpHost(), db.servers.amqpPort());
            connections.setUsername(db.servers.amqpUser());
            connections.setPassword(db.servers.amqpPassword());
            RabbitTemplate rabbit = new RabbitTemplate(connections);
            Map<String, Integer> byWorker = new TreeMap<>();
            ObjectMapper json = new ObjectMapper();
            Message m;
            while ((m = rabbit.receive("match.completed." + db.queueSuffix, 2000)) != null) {
                JsonNode body = json.readTree(m.getBody());
                byWorker.merge(body.path("worker_id").asText(), 1, Integer::sum);
            }
            assertThat(byWorker).containsOnlyKeys("hub-a", "hub-b");
            assertThat(byWorker.values().stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(MATCHES);
            // each match once: 100 participants each, no duplicates
            assertThat(db.count("SELECT count(*) FROM match_summaries")).isEqualTo(MATCHES * 100L);

            // exactly one hub ran discovery
            long runsA = discoveryRuns(logA);
            long runsB = discoveryRuns(logB);
            assertThat(runsA > 0 ^ runsB > 0).as("discovery runs: hub-a %d, hub-b %d", runsA, runsB).isTrue();

            // the leader dies: the other takes discovery over
            Path followerLog = runsA > 0 ? logB : logA;
            if (runsA > 0) {
                a.kill();
                a = null;
            } else {
                b.kill();
                b = null;
            }
            waitFor("the other hub to run discovery", LIMIT, () -> discoveryRuns(followerLog) > 0);
            assertThat(Files.readString(followerLog)).contains("is now the discovery leader");
            assertThat(db.count("SELECT count(*) FROM matches")).isEqualTo(MATCHES);
        } finally {
            for (HubProcess hub : new HubProcess[] {a, b}) {
                if (hub != null) {
                    hub.kill();
                }
            }
            if (connections != null) {
                connections.destroy();
            }
        }
    }

    private static long discoveryRuns(Path log) {
        try {
            return Files.readAllLines(log).stream().filter(l -> l.contains("Discovery run:")).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
