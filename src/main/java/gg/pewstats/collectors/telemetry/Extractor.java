package gg.pewstats.collectors.telemetry;

/** An {@link EventReader} that builds the rows of one table. */
public interface Extractor extends EventReader {

    /** The rows made (complete once {@link #finish()} has run). */
    TableRows rows();
}
