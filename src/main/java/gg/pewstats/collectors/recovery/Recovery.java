package gg.pewstats.collectors.recovery;

import gg.pewstats.collectors.messages.StageMessages;
import gg.pewstats.collectors.store.MatchStore;
import gg.pewstats.collectors.telemetry.TelemetryFiles;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL is the source of truth: a match stuck in an intermediate status (its message lost in a
 * broker crash, a publish after commit that never happened, a restart) is driven again from the stage it
 * reached, by publishing that stage's message anew from the stored facts. After too many attempts the
 * match is failed with the reason, so nothing is retried forever and nothing is lost silently.
 */
public final class Recovery {

    /** One message to publish: the queue (without the environment suffix's knowledge) and its body. */
    public record Redrive(String queue, String matchId, String fromStatus, Map<String, Object> message) {
    }

    /** What one recovery run did, for its log line. */
    public record Run(List<Redrive> redrives, Map<String, Integer> outcomes) {
    }

    private final MatchStore store;
    private final TelemetryFiles files;
    private final int stuckAfterSeconds;
    private final int maxAttempts;
    private final int batchSize;
    private final String discoveredQueue;
    private final String telemetryQueue;
    private final String processingQueue;
    private final StageMessages messages;
    private final String workerId;

    public Recovery(MatchStore store, TelemetryFiles files, StageMessages messages, String workerId, int stuckAfterSeconds,
            int maxAttempts, int batchSize, String discoveredQueue, String telemetryQueue, String processingQueue) {
        this.store = store;
        this.files = files;
        this.messages = messages;
        this.workerId = workerId;
        this.stuckAfterSeconds = stuckAfterSeconds;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.discoveredQueue = discoveredQueue;
        this.telemetryQueue = telemetryQueue;
        this.processingQueue = processingQueue;
    }

    public Run run() throws SQLException, IOException {
        List<Redrive> redrives = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Map<String, Object> match : store.claimStuck(stuckAfterSeconds, batchSize)) {
            String matchId = (String) match.get("match_id");
            String status = (String) match.get("status");
            int attempts = (Integer) match.get("attempts");
            if (attempts > maxAttempts) {
                Object lastError = match.get("error_message");
                store.failMatch(matchId, "stuck in status " + status + " after " + maxAttempts
                        + " recovery attempts (recovery.max-attempts)"
                        + (lastError == null ? "" : "; last error: " + lastError));
                outcomes.merge("failed", 1, Integer::sum);
                continue;
            }
            Redrive redrive = redrive(matchId, status, match);
            redrives.add(redrive);
            outcomes.merge("re-driven from " + status, 1, Integer::sum);
        }
        return new Run(redrives, outcomes);
    }

    /**
     * Messages that drive matches again whatever their status (the reprocess command): from the extraction
     * when the file is stored, from the download when only the URL is, from the summary otherwise.
     */
    public List<Redrive> reprocess(List<String> matchIds) throws SQLException, IOException {
        List<Redrive> redrives = new ArrayList<>();
        for (Map<String, Object> match : store.facts(matchIds)) {
            String matchId = (String) match.get("match_id");
            String from = files.isComplete(matchId) ? "downloaded" : match.get("telemetry_url") != null ? "summarized" : "discovered";
            redrives.add(redrive(matchId, from, match));
        }
        return redrives;
    }

    /**
     * The message that drives a match on from the stage it reached, and the match moved (back) to the
     * status that stage takes: the stages act only on a match in their own input status.
     */
    private Redrive redrive(String matchId, String status, Map<String, Object> match) throws IOException, SQLException {
        Redrive redrive;
        String input;
        if (status.equals("discovered")) {
            redrive = new Redrive(discoveredQueue, matchId, status, messages.discoveredFromStore(match));
            input = "discovered";
        } else if (status.equals("downloaded") && files.isComplete(matchId)) {
            redrive = new Redrive(processingQueue, matchId, status, messages.processing(match, files.describe(matchId), workerId));
            input = "downloaded";
        } else {
            // summarized, or downloaded with the file gone or incomplete: download it (again)
            redrive = new Redrive(telemetryQueue, matchId, status, messages.summaryCompleteFromStore(match));
            input = "summarized";
        }
        store.rewindTo(matchId, input);
        return redrive;
    }
}
