package gg.pewstats.collectors.messages;

/** A queue message that can never be processed as it is: it goes to the dead-letter queue with this reason. */
public final class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String reason) {
        super(reason);
    }
}
