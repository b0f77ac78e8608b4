-- The standings of the match's round, one row per team (tournament_team_standings_history, replaced at each
-- match): wins, kills, matches, average and last six placements, and the rank by wins, then kills, then
-- average placement. total_points is the live placeholder, 25 per win plus kills.
INSERT INTO tournament_team_standings_history AS h (round_id, team_id, rank, total_points, total_kills, wwcd,
                                                    matches_played, avg_placement, recent_placements,
                                                    snapshot_datetime)
SELECT round_id, team_id,
       CAST(RANK() OVER (ORDER BY wins DESC, kills DESC, avg_placement ASC) AS integer),
       CAST(25 * wins + kills AS integer), CAST(kills AS integer), CAST(wins AS integer), CAST(matches AS integer),
       avg_placement, recent, now()
  FROM (SELECT round_id, team_id, COUNT(*) AS matches, SUM(kills) AS kills,
               COUNT(*) FILTER (WHERE placement = 1) AS wins, round(AVG(placement), 2) AS avg_placement,
               (ARRAY_AGG(placement ORDER BY match_datetime DESC))[1:6] AS recent
          FROM (SELECT round_id, team_id, match_id, MIN(match_datetime) AS match_datetime,
                       MIN(team_rank) AS placement, SUM(kills) AS kills
                  FROM tournament_matches
                 WHERE round_id = (SELECT MAX(round_id) FROM tournament_matches WHERE match_id = :#${exchangeProperty.matchId})
                   AND team_id IS NOT NULL
                 GROUP BY round_id, team_id, match_id) per_match
         GROUP BY round_id, team_id) per_team
    ON CONFLICT (round_id, team_id) DO UPDATE
   SET rank = EXCLUDED.rank, total_points = EXCLUDED.total_points, total_kills = EXCLUDED.total_kills,
       wwcd = EXCLUDED.wwcd, matches_played = EXCLUDED.matches_played, avg_placement = EXCLUDED.avg_placement,
       recent_placements = EXCLUDED.recent_placements, snapshot_datetime = now()
