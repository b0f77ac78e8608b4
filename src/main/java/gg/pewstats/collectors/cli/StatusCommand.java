package gg.pewstats.collectors.cli;

import gg.pewstats.collectors.pubg.ApiKeyPool;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.springframework.amqp.core.AmqpAdmin;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code status}: matches per status, queue and dead-letter depths, latest errors, API keys. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show the state of the pipeline.")
class StatusCommand implements Callable<Integer> {

    @ParentCommand
    CollectorsCommand parent;

    @Override
    public Integer call() throws Exception {
        try (HubSession session = HubSession.open(parent.home(), parent.settings)) {
            System.out.println("Matches by status:");
            for (Map<?, ?> row : rows(session, "direct:status-matches")) {
                System.out.printf("  %-12s %s%n", row.get("status"), row.get("matches"));
            }
            System.out.println("Latest errors:");
            for (Map<?, ?> row : rows(session, "direct:status-errors")) {
                System.out.printf("  %s (%s): %s%n", row.get("match_id"), row.get("status"), row.get("error_message"));
            }
            Map<?, ?> aggregation = session.request("direct:status-aggregation", null, Map.class);
            System.out.printf("Career aggregates: %s completed match(es) counted, %s waiting%n",
                    aggregation.get("aggregated"), aggregation.get("waiting"));
            System.out.println("Queues (messages waiting / in the dead-letter queue):");
            AmqpAdmin admin = session.bean("amqpAdmin", AmqpAdmin.class);
            var props = session.camel().getPropertiesComponent();
            for (String key : List.of("queue.discovered", "queue.telemetry", "queue.processing", "queue.completed")) {
                String queue = props.resolveProperty(key).orElseThrow();
                System.out.printf("  %-40s %s / %s%n", queue, depth(admin, queue), depth(admin, queue + ".dlq"));
            }
            System.out.println("PUBG API keys (calls since the running hub started, by outcome):");
            String port = props.resolveProperty("hub.status-port").orElse("");
            Map<String, Map<String, Long>> usage = usage(port);
            for (String pool : List.of("apiKeys", "rankedApiKeys", "tournamentApiKeys")) {
                ApiKeyPool keys = session.bean(pool, ApiKeyPool.class);
                if (!pool.equals("apiKeys") && keys.sharesMainKeys()) {
                    System.out.printf("  (%s: the main keys above)%n", pool);
                    continue;
                }
                for (ApiKeyPool.ApiKey key : keys.keys()) {
                    System.out.printf("  %s at %d rpm: %s%n", key.id(), key.rpm(),
                            usage == null ? "no running hub answered on port " + port : usage.getOrDefault(key.id(), Map.of()));
                }
            }
            return 0;
        }
    }

    /** The rows a status route (commands.camel.yaml) answers with. */
    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> rows(HubSession session, String route) {
        return session.request(route, null, List.class);
    }

    /** Calls per key and outcome, read from the metrics of the hub running on this machine; null when none answers. */
    static Map<String, Map<String, Long>> usage(String port) {
        try {
            // HTTP/1.1: no h2c upgrade offered to the plain-HTTP management server
            String metrics = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(java.time.Duration.ofSeconds(5)).build().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/observe/metrics")).timeout(java.time.Duration.ofSeconds(5))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Map<String, Long>> usage = new java.util.TreeMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "pewstats_api_calls_total\\{key=\"([^\"]+)\",outcome=\"([^\"]+)\"\\} ([0-9.E]+)").matcher(metrics);
            while (m.find()) {
                usage.computeIfAbsent(m.group(1), k -> new java.util.TreeMap<>()).put(m.group(2), (long) Double.parseDouble(m.group(3)));
            }
            return usage;
        } catch (Exception e) {
            return null;
        }
    }

    private static String depth(AmqpAdmin admin, String queue) {
        Properties info = admin.getQueueProperties(queue);
        return info == null ? "-" : String.valueOf(info.get("QUEUE_MESSAGE_COUNT"));
    }
}
