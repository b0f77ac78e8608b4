-- Claims up to recovery.batch-size matches stuck in discovered, summarized or downloaded for longer than
-- recovery.stuck-after-seconds: each claimed match counts one more attempt and its updated_at is now,
-- so it is claimed again only after as long. SKIP LOCKED: hubs recovering at once never claim the same match.
UPDATE matches m
   SET attempts = m.attempts + 1, updated_at = now()
 WHERE m.match_id IN (SELECT match_id FROM matches
                       WHERE status IN ('discovered', 'summarized', 'downloaded')
                         AND updated_at < now() - make_interval(secs => CAST(:#${properties:recovery.stuck-after-seconds} AS double precision))
                       ORDER BY updated_at
                       LIMIT CAST(:#${properties:recovery.batch-size} AS integer)
                         FOR UPDATE SKIP LOCKED)
RETURNING m.match_id, m.status, m.attempts, m.error_message, m.map_name, m.game_mode, m.match_datetime,
          m.telemetry_url,
          (SELECT count(*) FROM match_summaries s WHERE s.match_id = m.match_id) AS participant_count
