-- Players of the match not known yet, of a match with a round, are added to the team whose lobby slot
-- (team_number) the match gave them in that round's division and group (auto-added, not a primary
-- sample); the route's next step then gives every participant the team of their player row.
-- Bots (account ids ai.*) are never added.
INSERT INTO tournament_players (player_id, team_id, preferred_team, is_primary_sample, sample_priority, notes)
SELECT DISTINCT tm.player_name, t.id, TRUE, FALSE, 1000, 'added by tournament discovery from match ' || tm.match_id
  FROM tournament_matches tm
  JOIN tournament_rounds tr ON tr.id = tm.round_id
  JOIN teams t ON t.team_number = tm.pubg_team_id AND t.division = tr.division
             AND COALESCE(t.group_name, '') = COALESCE(tr.group_name, '') AND t.is_active
 WHERE tm.match_id = :#${exchangeProperty.matchId}
   AND tm.player_account_id NOT LIKE 'ai.%'
   AND NOT EXISTS (SELECT 1 FROM tournament_players tp WHERE tp.player_id = tm.player_name)
    ON CONFLICT (player_id, team_id) DO NOTHING
