-- The match of the stats-aggregation message, claimed for aggregation: only a completed match that is not
-- counted yet (a duplicate or replayed message claims nothing). The row stays locked to the commit.
UPDATE matches
   SET stats_aggregated = TRUE, stats_aggregated_at = now()
 WHERE match_id = :#${exchangeProperty.matchId} AND status = 'completed' AND NOT stats_aggregated
RETURNING match_id
