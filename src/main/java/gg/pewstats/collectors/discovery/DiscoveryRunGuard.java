package gg.pewstats.collectors.discovery;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Lets a discovery run stop between calls when the hub shuts down. A run can wait a long time for its
 * next players call (the per-key throttle); on SIGTERM that wait is cut short, the calls not made yet are
 * skipped and asked at the next run, and the hub exits in seconds rather than at its shutdown timeout.
 */
public final class DiscoveryRunGuard extends EventNotifierSupport {

    private volatile boolean stopping;
    private volatile Thread running;

    /** A run begins on this thread. */
    public void begin() {
        running = Thread.currentThread();
    }

    /** The run is over (its thread goes back to the scheduler without a pending interrupt). */
    public void end() {
        if (running == Thread.currentThread()) {
            running = null;
            Thread.interrupted();
        }
    }

    /** True once the hub is shutting down: no further players call is made. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStoppingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        stopping = true;
        Thread thread = running;
        if (thread != null) {
            // wakes a run waiting in the throttle; the interrupted call is asked again at the next run
            thread.interrupt();
        }
    }
}
