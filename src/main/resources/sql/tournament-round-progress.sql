-- The match's round: its number of distinct matches, and its status (scheduled -> active at its first
-- match, -> completed once it has its expected matches).
UPDATE tournament_rounds tr
   SET actual_matches = c.matches,
       status = CASE WHEN tr.status = 'cancelled' THEN tr.status
                     WHEN c.matches >= tr.expected_matches THEN 'completed'
                     WHEN c.matches > 0 THEN 'active' ELSE tr.status END,
       updated_at = now()
  FROM (SELECT round_id, COUNT(DISTINCT match_id) AS matches FROM tournament_matches
         WHERE round_id = (SELECT MAX(round_id) FROM tournament_matches WHERE match_id = :#${exchangeProperty.matchId})
         GROUP BY round_id) c
 WHERE tr.id = c.round_id
