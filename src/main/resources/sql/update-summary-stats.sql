-- The players' telemetry values in their match_summaries rows, in one statement: item use, killsteals,
-- throwable damage, damage received and zone play, one JSON object per player (header summaryStats). A
-- player the match summary stage did not store (no row) is left out.
UPDATE match_summaries s
   SET heals_used                = v.heals_used,
       boosts_used               = v.boosts_used,
       throwables_used           = v.throwables_used,
       smokes_thrown             = v.smokes_thrown,
       killsteals                = v.killsteals,
       throwable_damage          = v.throwable_damage,
       damage_received           = v.damage_received,
       avg_distance_from_center  = v.avg_distance_from_center,
       avg_distance_from_edge    = v.avg_distance_from_edge,
       max_distance_from_center  = v.max_distance_from_center,
       min_distance_from_edge    = v.min_distance_from_edge,
       time_outside_zone_seconds = v.time_outside_zone_seconds,
       updated_at                = now()
  FROM jsonb_to_recordset(CAST(:#${header.summaryStats} AS jsonb)) AS v (
           player_id TEXT, heals_used INTEGER, boosts_used INTEGER, throwables_used INTEGER, smokes_thrown INTEGER,
           killsteals INTEGER, throwable_damage NUMERIC, damage_received NUMERIC, avg_distance_from_center NUMERIC,
           avg_distance_from_edge NUMERIC, max_distance_from_center NUMERIC, min_distance_from_edge NUMERIC,
           time_outside_zone_seconds INTEGER)
 WHERE s.match_id = :#${exchangeProperty.matchId} AND s.player_id = v.player_id
