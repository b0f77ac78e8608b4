-- Every participant of the match gets a team: a known player the team of their active preferred row; a
-- player not known yet, of a match with a round, is added to the team whose lobby slot (team_number) the
-- match gave them in that round's division and group (auto-added, not a primary sample), then assigned.
-- Bots (account ids ai.*) are never added.
WITH known AS (
    UPDATE tournament_matches tm SET team_id = tp.team_id
      FROM tournament_players tp
     WHERE tm.match_id = :#${exchangeProperty.matchId} AND tp.player_id = tm.player_name
       AND tp.preferred_team AND tp.is_active
    RETURNING tm.participant_id)
INSERT INTO tournament_players (player_id, team_id, preferred_team, is_primary_sample, sample_priority, notes)
SELECT DISTINCT tm.player_name, t.id, TRUE, FALSE, 1000, 'added by tournament discovery from match ' || tm.match_id
  FROM tournament_matches tm
  JOIN tournament_rounds tr ON tr.id = tm.round_id
  JOIN teams t ON t.team_number = tm.pubg_team_id AND t.division = tr.division
             AND COALESCE(t.group_name, '') = COALESCE(tr.group_name, '') AND t.is_active
 WHERE tm.match_id = :#${exchangeProperty.matchId}
   AND tm.participant_id NOT IN (SELECT participant_id FROM known)
   AND tm.player_account_id NOT LIKE 'ai.%'
   AND NOT EXISTS (SELECT 1 FROM tournament_players tp WHERE tp.player_id = tm.player_name)
    ON CONFLICT (player_id, team_id) DO NOTHING
