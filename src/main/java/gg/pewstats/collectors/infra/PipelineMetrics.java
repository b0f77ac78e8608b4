package gg.pewstats.collectors.infra;

import gg.pewstats.collectors.telemetry.TelemetryExtraction.Extraction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * The pipeline's own metrics, beside Camel's route metrics at {@code /observe/metrics}: matches per status
 * (read from PostgreSQL at most every 10 s), rows written per table, PUBG API calls, 429s and 401s per key
 * (the key's masked id only), telemetry bytes downloaded and extraction time per match.
 */
public final class PipelineMetrics {

    static final List<String> STATUSES = List.of("discovered", "summarized", "downloaded", "completed", "failed", "skipped");
    private static final long STATUS_CACHE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final MeterRegistry registry;
    private final DataSource dataSource;
    private final Timer extraction;
    private final Counter downloadedBytes;
    private volatile Map<String, Long> statusCounts = Map.of();
    private volatile long statusReadAt;

    public PipelineMetrics(MeterRegistry registry, DataSource dataSource) {
        this.registry = registry;
        this.dataSource = dataSource;
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

    private double statusCount(String status) {
        long now = System.nanoTime();
        if (now - statusReadAt > STATUS_CACHE_NANOS) {
            statusReadAt = now;
            Map<String, Long> counts = new HashMap<>();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM matches GROUP BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
                statusCounts = counts;
            } catch (Exception e) {
                return Double.NaN;
            }
        }
        return statusCounts.getOrDefault(status, 0L);
    }
}
