package gg.pewstats.collectors.pubg;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Runs when the API answers 401: the key the call used leaves the rotation before the call is retried. */
public final class RevokeRejectedKey implements Processor {

    private final ApiKeyPool keys;
    private final gg.pewstats.collectors.infra.PipelineMetrics metrics;

    public RevokeRejectedKey(ApiKeyPool keys, gg.pewstats.collectors.infra.PipelineMetrics metrics) {
        this.keys = keys;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        if (metrics != null) {
            metrics.apiCall(exchange.getProperty(ApiKeyPool.KEY_ID, String.class), "401");
        }
        keys.revoke(exchange);
    }
}
