-- A player tracked by account id keeps its current name (batch: the body is the list of players found,
-- player_id and player_name): a renamed player gets its new name.
UPDATE players
   SET player_name = :#player_name, updated_at = now()
 WHERE player_id = :#player_id
   AND player_name <> :#player_name
