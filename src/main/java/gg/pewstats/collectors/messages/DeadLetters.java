package gg.pewstats.collectors.messages;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Labels a failed message for its dead-letter queue: the reason (the root cause, escaped: a value from the
 * message cannot forge a header or a log line), the stage, the queue it came from and how many attempts
 * were made. Every label is the hub's own: a header of the same name that came with the message is
 * replaced. The time of the first failure is set here to now and then by the dead-letter route from the
 * match's record in PostgreSQL (a replayed message that fails again still shows its first failure). The
 * body is left as it arrived.
 */
public final class DeadLetters implements Processor {

    public static final String REASON = "x-dead-letter-reason";
    public static final String STAGE = "x-dead-letter-stage";
    public static final String QUEUE = "x-dead-letter-queue";
    public static final String ATTEMPTS = "x-dead-letter-attempts";
    public static final String FIRST_FAILURE = "x-first-failure-at";
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    @Override
    public void process(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure == null) {
            failure = exchange.getException();
        }
        String reason = gg.pewstats.collectors.infra.Failures.reason(failure);
        var message = exchange.getMessage();
        message.setHeader(REASON, reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason);
        message.setHeader(STAGE, exchange.getProperty("stage", "unknown", String.class));
        String queue = exchange.getProperty("sourceQueue", String.class);
        message.setHeader(QUEUE, queue);
        message.setHeader(ATTEMPTS, Math.max(1, exchange.getProperty(FailedAttempts.PROPERTY, 0, Integer.class)));
        message.setHeader(FIRST_FAILURE, OffsetDateTime.now(ZoneOffset.UTC).toString());
        message.setHeader("CamelSpringRabbitmqRoutingOverrideKey", queue + DEAD_LETTER_SUFFIX);
    }

}
