package gg.pewstats.collectors.telemetry;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

/**
 * The telemetry download's HTTP client: no transparent decompression, so the gzip the CDN sends is
 * streamed to disk as it is (the file store sniffs the bytes), and no automatic retries.
 */
public final class TelemetryCdnClient implements HttpClientConfigurer {

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.disableContentCompression();
        builder.disableAutomaticRetries();
    }
}
