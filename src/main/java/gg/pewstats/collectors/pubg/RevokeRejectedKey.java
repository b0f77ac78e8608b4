package gg.pewstats.collectors.pubg;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Runs when the API answers 401: the key the call used leaves the rotation before the call is retried. */
public final class RevokeRejectedKey implements Processor {

    private final ApiKeyPool keys;

    public RevokeRejectedKey(ApiKeyPool keys) {
        this.keys = keys;
    }

    @Override
    public void process(Exchange exchange) {
        keys.revoke(exchange);
    }
}
