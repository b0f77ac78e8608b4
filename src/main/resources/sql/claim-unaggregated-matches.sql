-- Claims up to recovery.batch-size completed matches that the stats aggregation has not counted for longer
-- than recovery.stuck-after-seconds (their match.completed message lost, dropped from the bounded queue
-- or dead-lettered): updated_at becomes now, so a match is sent again only after as long.
-- SKIP LOCKED: hubs recovering at once never claim the same match.
UPDATE matches m
   SET updated_at = now()
 WHERE m.match_id IN (SELECT match_id FROM matches
                       WHERE status = 'completed' AND NOT stats_aggregated
                         AND updated_at < now() - make_interval(secs => CAST(:#${properties:recovery.stuck-after-seconds} AS double precision))
                       ORDER BY updated_at
                       LIMIT CAST(:#${properties:recovery.batch-size} AS integer)
                         FOR UPDATE SKIP LOCKED)
RETURNING m.match_id
