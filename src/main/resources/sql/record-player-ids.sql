-- A player tracked by name gets its account id from a players call (batch: the body is the list of players
-- found, player_id and player_name), unless another row already has that id.
UPDATE players
   SET player_id = :#player_id, updated_at = now()
 WHERE player_name = :#player_name
   AND player_id <> :#player_id
   AND NOT EXISTS (SELECT 1 FROM players p WHERE p.player_id = :#player_id)
