-- One participant's match_summaries row (batch: the body is the list of a match's rows). A row already
-- stored is kept, so a redelivered message adds nothing.
INSERT INTO match_summaries (match_id, participant_id, player_id, player_name, is_bot, team_id, team_rank, won,
    map_name, game_mode, match_type, match_datetime, match_duration, is_custom_match, shard_id, season_state,
    title_id, dbnos, assists, boosts, heals, damage_dealt, death_type, headshot_kills, kill_place, kill_streaks,
    kills, longest_kill, revives, ride_distance, road_kills, swim_distance, team_kills, time_survived,
    vehicle_destroys, walk_distance, weapons_acquired, win_place)
VALUES (:#match_id, :#participant_id, :#player_id, :#player_name, :#is_bot, :#team_id, :#team_rank, :#won,
    :#map_name, :#game_mode, :#match_type, :#match_datetime, :#match_duration, :#is_custom_match, :#shard_id,
    :#season_state, :#title_id, :#dbnos, :#assists, :#boosts, :#heals, :#damage_dealt, :#death_type,
    :#headshot_kills, :#kill_place, :#kill_streaks, :#kills, :#longest_kill, :#revives, :#ride_distance,
    :#road_kills, :#swim_distance, :#team_kills, :#time_survived, :#vehicle_destroys, :#walk_distance,
    :#weapons_acquired, :#win_place)
ON CONFLICT (match_id, participant_id) DO NOTHING
