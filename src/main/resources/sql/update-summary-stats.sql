-- One player's telemetry values in their match_summaries row (one parameter map per player, batched):
-- item use, killsteals, throwable damage, damage received and zone play. A player the match summary
-- stage did not store (no row) is left out.
UPDATE match_summaries
   SET heals_used                = CAST(:#heals_used AS integer),
       boosts_used               = CAST(:#boosts_used AS integer),
       throwables_used           = CAST(:#throwables_used AS integer),
       smokes_thrown             = CAST(:#smokes_thrown AS integer),
       killsteals                = CAST(:#killsteals AS integer),
       throwable_damage          = CAST(:#throwable_damage AS numeric),
       damage_received           = CAST(:#damage_received AS numeric),
       avg_distance_from_center  = CAST(:#avg_distance_from_center AS numeric),
       avg_distance_from_edge    = CAST(:#avg_distance_from_edge AS numeric),
       max_distance_from_center  = CAST(:#max_distance_from_center AS numeric),
       min_distance_from_edge    = CAST(:#min_distance_from_edge AS numeric),
       time_outside_zone_seconds = CAST(:#time_outside_zone_seconds AS integer),
       updated_at                = now()
 WHERE match_id = :#match_id AND player_id = :#player_id
