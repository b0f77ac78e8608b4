-- The teams CSV's rows (header importRows: a JSON array of the rows, as camel-csv read them, every value
-- text) in one statement: each team upserted by name (its last row's division, group and lobby slot), each
-- player upserted on their team, and a player has one preferred team: of the rows that prefer one, the
-- file's last; their other teams' rows stop being preferred.
WITH r AS (
    SELECT r.*, e.line, COALESCE(CAST(NULLIF(r.preferred_team, '') AS boolean), TRUE) AS prefers
      FROM jsonb_array_elements(CAST(:#importRows AS jsonb)) WITH ORDINALITY AS e (row, line)
     CROSS JOIN LATERAL jsonb_to_record(e.row)
           AS r (team_name TEXT, division TEXT, group_name TEXT, team_number TEXT, player_name TEXT,
                 preferred_team TEXT, is_primary_sample TEXT, sample_priority TEXT, player_role TEXT)),
preferred AS (
    SELECT player_name, MAX(line) AS line FROM r WHERE prefers GROUP BY player_name),
teams_in AS (
    INSERT INTO teams AS t (team_name, division, group_name, team_number, is_active)
    SELECT DISTINCT ON (team_name) team_name, division, NULLIF(group_name, ''),
           CAST(NULLIF(team_number, '') AS integer), TRUE
      FROM r
     ORDER BY team_name, line DESC
        ON CONFLICT (team_name) DO UPDATE
       SET division = EXCLUDED.division, group_name = EXCLUDED.group_name, team_number = EXCLUDED.team_number,
           is_active = TRUE, updated_at = now()
    RETURNING t.id, t.team_name),
players_in AS (
    INSERT INTO tournament_players AS p (player_id, team_id, preferred_team, is_primary_sample, sample_priority,
                                         player_role, is_active)
    SELECT DISTINCT ON (r.player_name, ti.id) r.player_name, ti.id, p.line IS NOT NULL,
           COALESCE(CAST(NULLIF(r.is_primary_sample, '') AS boolean), FALSE),
           COALESCE(CAST(NULLIF(r.sample_priority, '') AS integer), 100), NULLIF(r.player_role, ''), TRUE
      FROM r
      JOIN teams_in ti ON ti.team_name = r.team_name
      LEFT JOIN preferred p ON p.player_name = r.player_name AND p.line = r.line
     ORDER BY r.player_name, ti.id, r.line DESC
        ON CONFLICT (player_id, team_id) DO UPDATE
       SET preferred_team = EXCLUDED.preferred_team, is_primary_sample = EXCLUDED.is_primary_sample,
           sample_priority = EXCLUDED.sample_priority, player_role = EXCLUDED.player_role, is_active = TRUE
    RETURNING p.player_id, p.team_id, p.preferred_team)
UPDATE tournament_players o
   SET preferred_team = FALSE
  FROM players_in n
 WHERE n.preferred_team AND o.player_id = n.player_id AND o.team_id <> n.team_id AND o.preferred_team
