package gg.pewstats.collectors.messages;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * How a stage takes the outcome of its transaction route (enrich with aggregateOnException): the body the
 * transaction answered, or its failure as an ordinary error of the stage. The transaction's own
 * rollback marks stay on the transaction's exchange, so the stage's retries and dead-lettering
 * (stage-errors) handle the failure: a stage exchange marked rollback-only would skip them, and the
 * message would go back to its queue for ever.
 */
public final class TransactionOutcome implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange stage, Exchange transaction) {
        if (transaction.getException() != null) {
            stage.setException(transaction.getException());
        } else {
            stage.getMessage().setBody(transaction.getMessage().getBody());
        }
        return stage;
    }
}
