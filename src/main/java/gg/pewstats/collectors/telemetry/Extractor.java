package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Builds the rows of one table. The reader hands it, once and in file order, each event whose
 * {@code _T} it asked for; it keeps only the rows it makes, never the events.
 */
public interface Extractor {

    /** The {@code _T} values this extractor reads. */
    Set<String> eventTypes();

    /** One event, with its position in the file. */
    void accept(int eventIndex, JsonNode event);

    /** The rows made so far. */
    TableRows rows();
}
