-- The next aggregation.recompute-batch-size completed matches not counted yet, oldest first, claimed (the
-- recompute command's loop): how many, and their ids as a JSON array for the aggregate-*.sql statements.
WITH claimed AS (
    UPDATE matches
       SET stats_aggregated = TRUE, stats_aggregated_at = now()
     WHERE match_id IN (SELECT match_id FROM matches
                         WHERE status = 'completed' AND NOT stats_aggregated
                         ORDER BY match_datetime, match_id
                         LIMIT CAST(:#${properties:aggregation.recompute-batch-size} AS integer)
                           FOR UPDATE)
    RETURNING match_id)
SELECT count(*) AS claimed, CAST(COALESCE(json_agg(match_id), '[]') AS text) AS ids FROM claimed
