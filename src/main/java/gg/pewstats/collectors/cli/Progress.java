package gg.pewstats.collectors.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long command: a progress bar with rate and ETA on a terminal, a plain log line every ten
 * seconds otherwise (a cron job's or a container's output).
 */
final class Progress implements AutoCloseable, gg.pewstats.collectors.infra.ProgressReport.Listener {

    private static final Logger LOG = LoggerFactory.getLogger("progress");
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final String task;
    private final long total;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long done;
    private long loggedAt = started;

    Progress(String task, long total) {
        this.task = task;
        this.total = total;
        this.bar = System.console() == null ? null
                : new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUpdateIntervalMillis(500).showSpeed().build();
    }

    void step() {
        advance(1);
    }

    /** {@code items} more are done (a batch). */
    @Override
    public void advance(long items) {
        done += items;
        if (bar != null) {
            bar.stepBy(items);
            return;
        }
        long now = System.nanoTime();
        if (now - loggedAt >= LOG_EVERY_NANOS || done == total) {
            loggedAt = now;
            double seconds = (now - started) / 1e9;
            double rate = seconds > 0 ? done / seconds : 0;
            long eta = rate > 0 ? Math.round((total - done) / rate) : -1;
            LOG.warn("{}: {}/{} ({}%), {} per s, ETA {}", task, done, total, total == 0 ? 100 : done * 100 / total,
                    String.format("%.1f", rate), eta < 0 ? "unknown" : eta + " s");
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
