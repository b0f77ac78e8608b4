package gg.pewstats.collectors.recovery;

import gg.pewstats.collectors.messages.StageMessages;
import gg.pewstats.collectors.telemetry.TelemetryFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostgreSQL is the source of truth: a match stuck in an intermediate status (its message lost in a
 * broker crash, a publish after commit that never happened, a restart) is driven again from the stage it
 * reached, by publishing that stage's message anew from the stored facts. After too many attempts the
 * match is failed with the reason, so nothing is retried forever and nothing is lost silently.
 * This bean only decides, from rows the routes read (recovery.camel.yaml); the routes change the status
 * and publish.
 */
public final class Recovery {

    /**
     * One message to publish: the queue, the match, the status it had, the input status of the stage it
     * is sent to (the match is moved there first) and the message.
     */
    public record Redrive(String queue, String matchId, String fromStatus, String input, Map<String, Object> message) {
    }

    /** A match recovery gives up on, with the reason it is failed with. */
    public record GiveUp(String matchId, String reason) {
    }

    /** What one recovery run does, and its counts for the log line. */
    public record Run(List<Redrive> redrives, List<GiveUp> failures, Map<String, Integer> outcomes) {
    }

    private final TelemetryFiles files;
    private final int maxAttempts;
    private final String discoveredQueue;
    private final String telemetryQueue;
    private final String processingQueue;
    private final StageMessages messages;
    private final String workerId;

    public Recovery(TelemetryFiles files, StageMessages messages, String workerId, int maxAttempts,
            String discoveredQueue, String telemetryQueue, String processingQueue) {
        this.files = files;
        this.messages = messages;
        this.workerId = workerId;
        this.maxAttempts = maxAttempts;
        this.discoveredQueue = discoveredQueue;
        this.telemetryQueue = telemetryQueue;
        this.processingQueue = processingQueue;
    }

    /** What to do with the matches a recovery run claimed (rows of claim-stuck-matches.sql). */
    public Run plan(List<Map<String, Object>> claimed) throws IOException {
        List<Redrive> redrives = new ArrayList<>();
        List<GiveUp> failures = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Map<String, Object> match : claimed) {
            String matchId = (String) match.get("match_id");
            String status = (String) match.get("status");
            int attempts = ((Number) match.get("attempts")).intValue();
            if (attempts > maxAttempts) {
                Object lastError = match.get("error_message");
                failures.add(new GiveUp(matchId, "stuck in status " + status + " after " + maxAttempts
                        + " recovery attempts (recovery.max-attempts)"
                        + (lastError == null ? "" : "; last error: " + lastError)));
                outcomes.merge("failed", 1, Integer::sum);
                continue;
            }
            // the file is read through (a complete gzip?) only for a match whose next stage needs it
            boolean fileComplete = status.equals("downloaded") && files.isComplete(matchId);
            redrives.add(redrive(matchId, status, match, fileComplete));
            outcomes.merge("re-driven from " + status, 1, Integer::sum);
        }
        return new Run(redrives, failures, outcomes);
    }

    /**
     * Messages that drive matches again whatever their status (the reprocess command; rows of
     * match-facts.sql): from the extraction when the file is stored, from the download when only the URL
     * is, from the summary otherwise.
     */
    public List<Redrive> reprocess(List<Map<String, Object>> facts) throws IOException {
        List<Redrive> redrives = new ArrayList<>();
        for (Map<String, Object> match : facts) {
            String matchId = (String) match.get("match_id");
            boolean fileComplete = files.isComplete(matchId);
            String from = fileComplete ? "downloaded" : match.get("telemetry_url") != null ? "summarized" : "discovered";
            redrives.add(redrive(matchId, from, match, fileComplete));
        }
        return redrives;
    }

    /**
     * The message that drives a match on from the stage it reached, and the status that stage takes (the
     * stages act only on a match in their own input status).
     */
    private Redrive redrive(String matchId, String status, Map<String, Object> match, boolean fileComplete)
            throws IOException {
        if (status.equals("discovered")) {
            return new Redrive(discoveredQueue, matchId, status, "discovered", messages.discoveredFromStore(match));
        }
        if (status.equals("downloaded") && fileComplete) {
            return new Redrive(processingQueue, matchId, status, "downloaded",
                    messages.processing(match, files.describe(matchId), workerId));
        }
        // summarized, or downloaded with the file gone or incomplete: download it (again)
        return new Redrive(telemetryQueue, matchId, status, "summarized", messages.summaryCompleteFromStore(match));
    }
}
