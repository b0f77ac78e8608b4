package gg.pewstats.collectors.infra;

/**
 * How a long route (the stats recompute, a ranked stats pass) tells the command that started it how far it
 * is: the command puts a {@link Listener} in exchange property {@code progress}; the route calls
 * {@link #advance} after each batch or item. Without a listener (the route started on its schedule) it
 * only counts.
 */
public final class ProgressReport {

    /** Told how many more items are done. */
    public interface Listener {
        void advance(long items);
    }

    private ProgressReport() {
    }

    /** Tells the listener (if any) that {@code items} more are done; returns {@code done + items}. */
    public static long advance(Object listener, long done, long items) {
        if (listener instanceof Listener l) {
            l.advance(items);
        }
        return done + items;
    }
}
