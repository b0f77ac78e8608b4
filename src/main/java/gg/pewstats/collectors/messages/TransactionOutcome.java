package gg.pewstats.collectors.messages;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * How a stage takes the outcome of its transaction route (enrich with aggregateOnException): the body the
 * transaction answered, or its failure set as an ordinary error of the stage's own exchange, nothing else
 * of the transaction's exchange. Reason: a failure that comes back from a route run under `transacted`
 * (its TransactionErrorHandler, which rolls back) through a plain `to` was seen to pass the calling
 * route's onException by (MatchSummaryRouteTest.rowsAndStatusCommitTogetherOrNotAtAll): no retry, no
 * dead letter, and the message went back to its queue for ever. Through enrich and this strategy the
 * stage's routeConfiguration (stage-errors) retries and dead-letters it like any other failure.
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
