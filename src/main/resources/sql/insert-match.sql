-- A match found by discovery: the matches row, with the status in header matchStatus (discovered or
-- skipped) and the reason it is skipped in header matchError. A match already stored keeps its row
-- (CamelSqlUpdateCount is then 0 and nothing is published).
INSERT INTO matches (match_id, map_name, game_mode, game_type, match_datetime, duration, is_custom_match,
                     shard_id, season_state, title_id, telemetry_url, status, error_message)
VALUES (:#match_id, :#map_name, :#game_mode, :#game_type, :#match_datetime, :#duration, :#is_custom_match,
        :#shard_id, :#season_state, :#title_id, :#telemetry_url, :#${header.matchStatus}, :#${header.matchError})
ON CONFLICT (match_id) DO NOTHING
