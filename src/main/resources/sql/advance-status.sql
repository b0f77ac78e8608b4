-- Moves a match forward to the status in header nextStatus, never back: the WHERE keeps the order
-- discovered < summarized < downloaded < completed (failed and skipped rank last). Moving on clears the
-- error of earlier failed attempts.
UPDATE matches
   SET status = :#nextStatus, error_message = NULL, first_failed_at = NULL, updated_at = now()
 WHERE match_id = :#${exchangeProperty.matchId}
   AND match_status_rank(status) < match_status_rank(:#nextStatus)
