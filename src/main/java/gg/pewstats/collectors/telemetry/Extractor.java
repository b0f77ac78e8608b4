package gg.pewstats.collectors.telemetry;

import java.util.List;

/** An {@link EventReader} that builds the rows of a table (or of tables that belong together). */
public interface Extractor extends EventReader {

    /** The rows made (complete once {@link #finish()} has run). */
    TableRows rows();

    /** Every table this extractor fills, in the order they are loaded (a referenced table first). */
    default List<TableRows> tables() {
        return List.of(rows());
    }
}
