package gg.pewstats.collectors.messages;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.MDC;

/**
 * Puts the exchange's match id (property {@code matchId}) into the logging context, so every log line
 * about the match carries it; Camel's MDC logging keeps it with the exchange across threads and clears it
 * when the exchange is done.
 */
public final class MatchLogContext implements Processor {

    public static final String KEY = "matchId";

    @Override
    public void process(Exchange exchange) {
        String matchId = exchange.getProperty(KEY, String.class);
        if (matchId != null) {
            MDC.put(KEY, matchId);
        }
    }
}
