-- Ends a match as failed with the reason in the body, unless it already completed or ended. A match not
-- stored (a message from elsewhere) is stored as failed.
INSERT INTO matches (match_id, status, error_message, attempts)
VALUES (:#${exchangeProperty.matchId}, 'failed', :#${body}, 1)
ON CONFLICT (match_id) DO UPDATE
   SET status = 'failed', error_message = EXCLUDED.error_message, attempts = matches.attempts + 1, updated_at = now()
 WHERE matches.status NOT IN ('completed', 'failed', 'skipped')
