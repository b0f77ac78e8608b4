package gg.pewstats.collectors.pubg;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when the API answers 429: sets the redelivery delay to what the response asks for. It reads
 * {@code Retry-After} (seconds or an HTTP date) first, then {@code X-RateLimit-Reset} (UNIX seconds)
 * measured against the response's own {@code Date} header so a skewed local clock does not matter.
 * Header names are compared case-insensitively.
 */
public final class RateLimitBackoff implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitBackoff.class);
    private static final long SAFETY_MS = 250;

    private final long defaultWaitMs;
    private final gg.pewstats.collectors.infra.PipelineMetrics metrics;

    public RateLimitBackoff(long defaultWaitMs, gg.pewstats.collectors.infra.PipelineMetrics metrics) {
        this.defaultWaitMs = defaultWaitMs;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Exception exception = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (exception instanceof HttpOperationFailedException failure && failure.getResponseHeaders() != null) {
            headers.putAll(failure.getResponseHeaders());
        }
        long waitMs = waitMillis(headers, Instant.now(), defaultWaitMs);
        if (metrics != null) {
            metrics.apiCall(exchange.getProperty(ApiKeyPool.KEY_ID, String.class), "429");
        }
        exchange.getMessage().setHeader(Exchange.REDELIVERY_DELAY, waitMs);
        // a stage's dead letter counts its attempts, 429s included
        exchange.setProperty(gg.pewstats.collectors.messages.FailedAttempts.PROPERTY,
                exchange.getProperty(gg.pewstats.collectors.messages.FailedAttempts.PROPERTY, 0, Integer.class) + 1);
        Object key = exchange.getProperty(ApiKeyPool.KEY_ID);
        LOG.warn("PUBG API rate limit hit (429) on {}: waiting {} ms before retrying the same call",
                key == null ? "an unkeyed call (/matches)" : "key " + key, waitMs);
    }

    static long waitMillis(Map<String, String> headers, Instant now, long defaultWaitMs) {
        String retryAfter = headers.get("Retry-After");
        if (retryAfter != null && !retryAfter.isBlank()) {
            String value = retryAfter.trim();
            try {
                return Math.max(0, Long.parseLong(value)) * 1000 + SAFETY_MS;
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    return Math.max(0, Duration.between(serverNow(headers, now), at).toMillis()) + SAFETY_MS;
                } catch (RuntimeException notADate) {
                    // fall through to the reset header
                }
            }
        }
        String reset = headers.get("X-RateLimit-Reset");
        if (reset != null && !reset.isBlank()) {
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.trim()));
                return Math.max(0, Duration.between(serverNow(headers, now), at).toMillis()) + SAFETY_MS;
            } catch (NumberFormatException ignored) {
                // fall through to the default
            }
        }
        return defaultWaitMs;
    }

    private static Instant serverNow(Map<String, String> headers, Instant localNow) {
        String date = headers.get("Date");
        if (date != null) {
            try {
                return ZonedDateTime.parse(date.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException ignored) {
                // use the local clock
            }
        }
        return localNow;
    }
}
