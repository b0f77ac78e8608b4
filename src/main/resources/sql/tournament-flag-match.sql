-- The pipeline's matches row of a tournament match (inserted just before by insert-match.sql when it was
-- new; exchange property pipelineInserted is then 1): flagged is_tournament_match with its round; found by
-- tournament discovery when it was new; a match main discovery had skipped (its match type or mode not
-- collected) is taken into the pipeline after all. Returns the status the row had before.
WITH before AS (SELECT status FROM matches WHERE match_id = :#${exchangeProperty.matchId} FOR UPDATE)
UPDATE matches m
   SET is_tournament_match = TRUE,
       round_id = (SELECT MAX(round_id) FROM tournament_matches WHERE match_id = m.match_id),
       discovered_by = CASE WHEN CAST(:#${exchangeProperty.pipelineInserted} AS integer) = 1 THEN 'tournament' ELSE m.discovered_by END,
       discovery_priority = 'high',
       status = CASE WHEN m.status = 'skipped' THEN 'discovered' ELSE m.status END,
       error_message = CASE WHEN m.status = 'skipped' THEN NULL ELSE m.error_message END,
       updated_at = now()
  FROM before
 WHERE m.match_id = :#${exchangeProperty.matchId}
RETURNING before.status AS previous_status
