-- One tournament_matches row per participant of the match (header tournamentRows: the match's participant
-- rows as JSON, from MatchMapper), with the match's raw map name; a match stored before keeps its rows.
INSERT INTO tournament_matches (
       match_id, match_datetime, map_name, game_mode, match_type, duration, is_custom_match, shard_id,
       pubg_team_id, team_rank, team_won, participant_id, player_account_id, player_name, kills, damage_dealt,
       dbnos, assists, headshot_kills, longest_kill, revives, heals, boosts, walk_distance, ride_distance,
       swim_distance, time_survived, death_type, win_place, kill_place, weapons_acquired, vehicle_destroys,
       road_kills, team_kills, kill_streaks)
SELECT r.match_id, CAST(r.match_datetime AS timestamptz) AT TIME ZONE 'UTC', :#${exchangeProperty.tournamentMatch.match()[raw_map_name]},
       r.game_mode, r.match_type, r.match_duration, r.is_custom_match, r.shard_id, r.team_id, r.team_rank, r.won,
       r.participant_id, r.player_id, r.player_name, r.kills, round(CAST(r.damage_dealt AS numeric), 2), r.dbnos,
       r.assists, r.headshot_kills, round(CAST(r.longest_kill AS numeric), 2), r.revives, r.heals, r.boosts,
       round(CAST(r.walk_distance AS numeric), 2), round(CAST(r.ride_distance AS numeric), 2),
       round(CAST(r.swim_distance AS numeric), 2), CAST(round(r.time_survived) AS integer), r.death_type,
       r.win_place, r.kill_place, r.weapons_acquired, r.vehicle_destroys, r.road_kills, r.team_kills, r.kill_streaks
  FROM jsonb_to_recordset(CAST(:#tournamentRows AS jsonb)) AS r (
       match_id TEXT, match_datetime TEXT, game_mode TEXT, match_type TEXT, match_duration INTEGER,
       is_custom_match BOOLEAN, shard_id TEXT, team_id INTEGER, team_rank INTEGER, won BOOLEAN,
       participant_id TEXT, player_id TEXT, player_name TEXT, kills INTEGER, damage_dealt DOUBLE PRECISION,
       dbnos INTEGER, assists INTEGER, headshot_kills INTEGER, longest_kill DOUBLE PRECISION, revives INTEGER,
       heals INTEGER, boosts INTEGER, walk_distance DOUBLE PRECISION, ride_distance DOUBLE PRECISION,
       swim_distance DOUBLE PRECISION, time_survived DOUBLE PRECISION, death_type TEXT, win_place INTEGER,
       kill_place INTEGER, weapons_acquired INTEGER, vehicle_destroys INTEGER, road_kills INTEGER,
       team_kills INTEGER, kill_streaks INTEGER)
 WHERE r.player_name IS NOT NULL
    ON CONFLICT (match_id, participant_id) DO NOTHING
