package gg.pewstats.collectors.pubg;

import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Runs when the API answers 401: the key the call used leaves the rotation of whichever pool handed it out
 * (main, ranked, tournament: their key ids differ) before the call is retried.
 */
public final class RevokeRejectedKey implements Processor {

    private final List<ApiKeyPool> pools;
    private final gg.pewstats.collectors.infra.PipelineMetrics metrics;

    public RevokeRejectedKey(ApiKeyPool keys, gg.pewstats.collectors.infra.PipelineMetrics metrics) {
        this(keys, metrics, keys, keys);
    }

    public RevokeRejectedKey(ApiKeyPool keys, gg.pewstats.collectors.infra.PipelineMetrics metrics, ApiKeyPool ranked,
            ApiKeyPool tournament) {
        this.pools = List.of(keys, ranked, tournament);
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        if (metrics != null) {
            metrics.apiCall(exchange.getProperty(ApiKeyPool.KEY_ID, String.class), "401");
        }
        for (ApiKeyPool pool : pools) {
            pool.revoke(exchange);
        }
    }
}
