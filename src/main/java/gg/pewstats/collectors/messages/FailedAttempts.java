package gg.pewstats.collectors.messages;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Counts the failed attempts at one message in an exchange property, which, unlike Camel's redelivery
 * headers, survives the error handler putting the original message back before dead-lettering.
 */
public final class FailedAttempts implements Processor {

    public static final String PROPERTY = "failedAttempts";

    @Override
    public void process(Exchange exchange) {
        exchange.setProperty(PROPERTY, exchange.getProperty(PROPERTY, 0, Integer.class) + 1);
    }
}
