-- The players one tournament-discovery run asks for: per lobby (division and group of the active teams),
-- the lobby's current sample size (tournament_sampling) of active players of their preferred team, by
-- sample_priority (lower first), primary samples first. In-game names (tournament_players.player_id).
WITH ranked AS (
    SELECT tp.player_id AS player_name, s.sample_size,
           ROW_NUMBER() OVER (PARTITION BY t.division, COALESCE(t.group_name, '')
                              ORDER BY tp.is_primary_sample DESC, tp.sample_priority, tp.id) AS sample_rank
      FROM tournament_players tp
      JOIN teams t ON t.id = tp.team_id AND t.is_active
      JOIN tournament_sampling s ON s.division = t.division AND s.group_name = COALESCE(t.group_name, '')
     WHERE tp.is_active AND tp.preferred_team)
SELECT DISTINCT player_name FROM ranked WHERE sample_rank <= sample_size ORDER BY player_name
