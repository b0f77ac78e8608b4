package gg.pewstats.collectors.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code status} reads the per-key API usage from the running hub's Prometheus metrics. */
class StatusUsageTest {

    @Test
    void usagePerKeyAndOutcomeFromTheHubsMetrics() throws Exception {
        String metrics = String.join("\n",
                "# HELP pewstats_api_calls_total PUBG API players calls by key and outcome",
                "# TYPE pewstats_api_calls_total counter",
                "pewstats_api_calls_total{key=\"key1…0001\",outcome=\"ok\"} 42.0",
                "pewstats_api_calls_total{key=\"key1…0001\",outcome=\"429\"} 3.0",
                "pewstats_api_calls_total{key=\"key2…0002\",outcome=\"401\"} 1.0",
                "camel_exchanges_total{routeId=\"discovery\"} 7.0", "");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/observe/metrics", exchange -> {
            byte[] body = metrics.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, Map<String, Long>> usage = StatusCommand.usage(Integer.toString(server.getAddress().getPort()));
            assertThat(usage).containsOnlyKeys("key1…0001", "key2…0002");
            assertThat(usage.get("key1…0001")).containsEntry("ok", 42L).containsEntry("429", 3L);
            assertThat(usage.get("key2…0002")).containsEntry("401", 1L);
        } finally {
            server.stop(0);
        }
        assertThat(StatusCommand.usage("1")).isNull();
    }
}
