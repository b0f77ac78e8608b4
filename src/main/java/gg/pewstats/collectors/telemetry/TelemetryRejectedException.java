package gg.pewstats.collectors.telemetry;

/**
 * A telemetry file that will never be usable as it is (empty, over a size cap, not JSON, truncated, or
 * gone from the CDN): its match is failed with this message instead of being retried.
 */
public final class TelemetryRejectedException extends RuntimeException {

    public TelemetryRejectedException(String message) {
        super(message);
    }

    public TelemetryRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
