-- One ranked_player_stats row per game mode of the ranked endpoint's answer (the body) for the player in
-- exchange property rankedPlayer and the season in rankedSeason, replaced when it was collected before.
INSERT INTO ranked_player_stats AS r (
       player_id, player_name, season_id, game_mode, current_tier, current_sub_tier, current_rank_point,
       best_tier, best_sub_tier, best_rank_point, rounds_played, wins, kills, deaths, assists, damage_dealt,
       dbnos, avg_rank, top10_ratio, win_ratio, kda, kdr, headshot_kills, headshot_kill_ratio, longest_kill,
       collected_at, updated_at)
SELECT :#${exchangeProperty.rankedPlayer[player_id]}, :#${exchangeProperty.rankedPlayer[player_name]},
       :#${exchangeProperty.rankedSeason}, m.key,
       m.value -> 'currentTier' ->> 'tier', m.value -> 'currentTier' ->> 'subTier',
       CAST(m.value ->> 'currentRankPoint' AS integer),
       m.value -> 'bestTier' ->> 'tier', m.value -> 'bestTier' ->> 'subTier',
       CAST(m.value ->> 'bestRankPoint' AS integer),
       CAST(m.value ->> 'roundsPlayed' AS integer), CAST(m.value ->> 'wins' AS integer),
       CAST(m.value ->> 'kills' AS integer), CAST(m.value ->> 'deaths' AS integer),
       CAST(m.value ->> 'assists' AS integer), round(CAST(m.value ->> 'damageDealt' AS numeric), 2),
       CAST(m.value ->> 'dBNOs' AS integer), m.value ->> 'avgRank',
       round(CAST(m.value ->> 'top10Ratio' AS numeric), 6), round(CAST(m.value ->> 'winRatio' AS numeric), 6),
       round(CAST(m.value ->> 'kda' AS numeric), 6), round(CAST(m.value ->> 'kdr' AS numeric), 6),
       CAST(m.value ->> 'headshotKills' AS integer), round(CAST(m.value ->> 'headshotKillRatio' AS numeric), 6),
       round(CAST(m.value ->> 'longestKill' AS numeric), 2),
       now(), now()
  FROM jsonb_each(CAST(:#${body} AS jsonb) -> 'data' -> 'attributes' -> 'rankedGameModeStats') AS m
 WHERE jsonb_typeof(m.value) = 'object'
    ON CONFLICT (player_id, season_id, game_mode) DO UPDATE
   SET player_name = EXCLUDED.player_name, current_tier = EXCLUDED.current_tier,
       current_sub_tier = EXCLUDED.current_sub_tier, current_rank_point = EXCLUDED.current_rank_point,
       best_tier = EXCLUDED.best_tier, best_sub_tier = EXCLUDED.best_sub_tier,
       best_rank_point = EXCLUDED.best_rank_point, rounds_played = EXCLUDED.rounds_played, wins = EXCLUDED.wins,
       kills = EXCLUDED.kills, deaths = EXCLUDED.deaths, assists = EXCLUDED.assists,
       damage_dealt = EXCLUDED.damage_dealt, dbnos = EXCLUDED.dbnos, avg_rank = EXCLUDED.avg_rank,
       top10_ratio = EXCLUDED.top10_ratio, win_ratio = EXCLUDED.win_ratio, kda = EXCLUDED.kda, kdr = EXCLUDED.kdr,
       headshot_kills = EXCLUDED.headshot_kills, headshot_kill_ratio = EXCLUDED.headshot_kill_ratio,
       longest_kill = EXCLUDED.longest_kill, collected_at = EXCLUDED.collected_at, updated_at = now()
RETURNING game_mode
