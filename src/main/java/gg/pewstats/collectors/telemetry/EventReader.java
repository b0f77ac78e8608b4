package gg.pewstats.collectors.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Something fed by the one pass over a telemetry file: the reader hands it, once and in file order, each
 * event whose {@code _T} it asked for, then calls {@link #finish()} once at the end of the file (in the
 * order the readers were given). It keeps what it derives, never the events.
 */
public interface EventReader {

    /** The {@code _T} values this reader reads. */
    Set<String> eventTypes();

    /** One event, with its position in the file. */
    void accept(int eventIndex, JsonNode event);

    /** The file has been read to its end: work that needed later events (outcomes, look-ahead) is done here. */
    default void finish() {
    }
}
