-- The telemetry rows of a match are in: every processed flag set and status completed (a failed match that
-- was reprocessed completes too), its error cleared.
UPDATE matches
   SET landings_processed = TRUE, kills_processed = TRUE, damage_processed = TRUE, weapons_processed = TRUE,
       circles_processed = TRUE, finishing_processed = TRUE, fights_processed = TRUE,
       status = CASE WHEN match_status_rank(status) < match_status_rank('completed') OR status = 'failed'
                     THEN 'completed' ELSE status END,
       error_message = NULL, first_failed_at = NULL, updated_at = now()
 WHERE match_id = :#${exchangeProperty.matchId}
