package gg.pewstats.collectors.infra;

import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipeline's own metrics, beside Camel's route metrics at {@code /observe/metrics}: matches per status
 * (set by route pipeline-status-metrics, metrics.camel.yaml), rows written per table, PUBG API calls, 429s and 401s per key
 * (the key's masked id only), telemetry bytes downloaded and extraction time per match.
 */
public final class PipelineMetrics {

    static final List<String> STATUSES = List.of("discovered", "summarized", "downloaded", "completed", "failed", "skipped");

    private final MeterRegistry registry;
    private final Timer extraction;
    private final Counter downloadedBytes;
    /**
     * The latest counts per status, one holder per registry (route files may be read twice, so two
     * instances of this bean may exist; the registry's gauges belong to the first, the routes may call the
     * second): null until read, and while PostgreSQL cannot be read (gauges: NaN).
     */
    private static final Map<MeterRegistry, java.util.concurrent.atomic.AtomicReference<Map<String, Long>>> STATUS_COUNTS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private final java.util.concurrent.atomic.AtomicReference<Map<String, Long>> statusCounts;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.statusCounts = STATUS_COUNTS.computeIfAbsent(registry, r -> new java.util.concurrent.atomic.AtomicReference<>());
        for (String status : STATUSES) {
            if (registry.find("pewstats.matches").tag("status", status).gauge() != null) {
                continue;
            }
            // held strongly: the registry keeps the first instance registered for this name (route files may
            // be read twice, and a weakly held gauge would then read NaN)
            Gauge.builder("pewstats.matches", this, m -> m.statusCount(status)).strongReference(true)
                    .description("Matches in the database by status").tag("status", status).register(registry);
        }
        this.extraction = Timer.builder("pewstats.extraction.duration").description("Telemetry extraction time per match")
                .register(registry);
        this.downloadedBytes = Counter.builder("pewstats.telemetry.downloaded.bytes")
                .description("Bytes of telemetry stored by the download stage").register(registry);
    }

    /** One players call made with a key (retries included). */
    public void apiCall(String keyId, String outcome) {
        Counter.builder("pewstats.api.calls").description("PUBG API players calls by key and outcome")
                .tag("key", keyId == null ? "none" : keyId).tag("outcome", outcome).register(registry).increment();
    }

    public void summaries(int rows) {
        rows("match_summaries", rows);
    }

    public void extracted(Extraction extraction) {
        extraction.rowCounts().forEach(this::rows);
        this.extraction.record(Duration.ofMillis(extraction.millis()));
    }

    public void downloaded(String path) throws java.io.IOException {
        downloadedBytes.increment(Files.size(Path.of(path)));
    }

    private void rows(String table, int count) {
        Counter.builder("pewstats.rows.written").description("Rows written per table").tag("table", table)
                .register(registry).increment(count);
    }

    /** The matches per status, as the route read them (rows: status, matches). */
    public void statusCounts(List<Map<String, Object>> rows) {
        Map<String, Long> counts = new HashMap<>();
        for (Map<String, Object> row : rows) {
            counts.put((String) row.get("status"), ((Number) row.get("matches")).longValue());
        }
        statusCounts.set(counts);
    }

    /** PostgreSQL could not be read: the gauges say so (NaN) rather than show stale counts. */
    public void statusUnknown() {
        statusCounts.set(null);
    }

    private double statusCount(String status) {
        Map<String, Long> counts = statusCounts.get();
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }
}
