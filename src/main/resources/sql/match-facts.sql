-- The stored facts of the matches named in the body (a JSON array of ids), for the reprocess command.
SELECT m.match_id, m.status, m.attempts, m.error_message, m.map_name, m.game_mode, m.match_datetime,
       m.telemetry_url,
       (SELECT count(*) FROM match_summaries s WHERE s.match_id = m.match_id) AS participant_count
  FROM matches m
 WHERE m.match_id IN (SELECT jsonb_array_elements_text(CAST(:#${body} AS jsonb)))
 ORDER BY m.match_id
