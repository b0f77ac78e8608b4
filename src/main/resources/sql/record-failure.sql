-- A dead-lettered message's match keeps the reason (header x-dead-letter-reason) as its latest error; its
-- status does not change. Returns when the match first failed since it last moved forward (ISO-8601, UTC).
UPDATE matches
   SET error_message = :#${header.x-dead-letter-reason}, first_failed_at = coalesce(first_failed_at, now())
 WHERE match_id = :#${exchangeProperty.matchId}
   AND status NOT IN ('completed', 'failed', 'skipped')
RETURNING to_char(first_failed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS first_failed_at
