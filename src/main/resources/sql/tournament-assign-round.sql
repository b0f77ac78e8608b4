-- The match's round (live rules): the teams identified by their players' names (active, preferred team)
-- must all be of one division and group, at least tournament.min-teams-for-round of them, and the match
-- date must fall in a scheduled, active or completed round of that lobby. Mixed lobbies (scrims) get none.
WITH match_teams AS (
    SELECT DISTINCT tm.match_datetime, t.id AS team_id, t.division, COALESCE(t.group_name, '') AS group_name
      FROM tournament_matches tm
      JOIN tournament_players tp ON tp.player_id = tm.player_name AND tp.preferred_team AND tp.is_active
      JOIN teams t ON t.id = tp.team_id AND t.is_active
     WHERE tm.match_id = :#${exchangeProperty.matchId}),
lobby AS (
    SELECT MAX(match_datetime) AS match_datetime, MAX(division) AS division, MAX(group_name) AS group_name
      FROM match_teams
    HAVING COUNT(DISTINCT (division, group_name)) = 1
       AND COUNT(DISTINCT team_id) >= CAST(:#${properties:tournament.min-teams-for-round} AS integer)),
round AS (
    SELECT tr.id
      FROM tournament_rounds tr JOIN lobby l
        ON CAST(l.match_datetime AS date) BETWEEN tr.start_date AND tr.end_date
       AND tr.division = l.division AND COALESCE(tr.group_name, '') = l.group_name
     WHERE tr.status IN ('scheduled', 'active', 'completed')
     ORDER BY tr.start_date DESC, tr.id
     LIMIT 1)
UPDATE tournament_matches tm SET round_id = round.id
  FROM round
 WHERE tm.match_id = :#${exchangeProperty.matchId}
