-- player_advanced_career_stats: each participant's enhanced match values (match_summaries) of the matches
-- in header aggregateMatches added to their career bucket, times header aggregateSign (1 adds, -1 takes
-- out). Averages are kept as sums and counts (the hub's sum_* columns) and divided here, so taking a match
-- out leaves them exact; a value the match does not have (NULL) counts in neither.
INSERT INTO player_advanced_career_stats AS s (
       player_name, match_type, total_killsteals, total_heals_used, total_boosts_used, total_throwables_used,
       total_smokes_thrown, total_throwable_damage, total_damage_received, matches_played,
       matches_with_circle_data, sum_distance_from_center, sum_distance_from_edge, matches_with_zone_time,
       sum_time_outside_zone_seconds, avg_distance_from_center, avg_distance_from_edge,
       avg_time_outside_zone_seconds, last_updated_at)
SELECT c.player_name, c.match_type, c.killsteals, c.heals, c.boosts, c.throwables, c.smokes, c.throwable_damage,
       c.damage_received, c.matches, c.circle_matches, c.sum_center, c.sum_edge, c.zone_matches, c.sum_outside,
       round(c.sum_center / NULLIF(c.circle_matches, 0), 2), round(c.sum_edge / NULLIF(c.circle_matches, 0), 2),
       round(c.sum_outside / NULLIF(c.zone_matches, 0), 2), now()
  FROM (SELECT p.player_name, b.match_type,
               p.sign * SUM(COALESCE(p.killsteals, 0)) AS killsteals,
               p.sign * SUM(COALESCE(p.heals_used, 0)) AS heals,
               p.sign * SUM(COALESCE(p.boosts_used, 0)) AS boosts,
               p.sign * SUM(COALESCE(p.throwables_used, 0)) AS throwables,
               p.sign * SUM(COALESCE(p.smokes_thrown, 0)) AS smokes,
               p.sign * SUM(COALESCE(p.throwable_damage, 0)) AS throwable_damage,
               p.sign * SUM(COALESCE(p.damage_received, 0)) AS damage_received,
               p.sign * COUNT(*) AS matches,
               p.sign * COUNT(p.avg_distance_from_center) AS circle_matches,
               p.sign * COALESCE(SUM(p.avg_distance_from_center), 0) AS sum_center,
               p.sign * COALESCE(SUM(p.avg_distance_from_edge), 0) AS sum_edge,
               p.sign * COUNT(p.time_outside_zone_seconds) AS zone_matches,
               p.sign * COALESCE(SUM(p.time_outside_zone_seconds), 0) AS sum_outside
          FROM (SELECT ms.*, m.game_type AS match_game_type, m.is_tournament_match,
                       CAST(:#aggregateSign AS integer) AS sign
                  FROM match_summaries ms
                  JOIN matches m ON m.match_id = ms.match_id
                 WHERE ms.match_id IN (SELECT jsonb_array_elements_text(CAST(:#aggregateMatches AS jsonb)))
                   AND ms.player_name <> '') p
         CROSS JOIN LATERAL unnest(stats_buckets(p.match_game_type, p.is_tournament_match)) AS b (match_type)
         GROUP BY p.player_name, b.match_type, p.sign) c
 ORDER BY 1, 2
    ON CONFLICT (player_name, match_type) DO UPDATE
   SET total_killsteals = s.total_killsteals + EXCLUDED.total_killsteals,
       total_heals_used = s.total_heals_used + EXCLUDED.total_heals_used,
       total_boosts_used = s.total_boosts_used + EXCLUDED.total_boosts_used,
       total_throwables_used = s.total_throwables_used + EXCLUDED.total_throwables_used,
       total_smokes_thrown = s.total_smokes_thrown + EXCLUDED.total_smokes_thrown,
       total_throwable_damage = s.total_throwable_damage + EXCLUDED.total_throwable_damage,
       total_damage_received = s.total_damage_received + EXCLUDED.total_damage_received,
       matches_played = s.matches_played + EXCLUDED.matches_played,
       matches_with_circle_data = s.matches_with_circle_data + EXCLUDED.matches_with_circle_data,
       sum_distance_from_center = s.sum_distance_from_center + EXCLUDED.sum_distance_from_center,
       sum_distance_from_edge = s.sum_distance_from_edge + EXCLUDED.sum_distance_from_edge,
       matches_with_zone_time = s.matches_with_zone_time + EXCLUDED.matches_with_zone_time,
       sum_time_outside_zone_seconds = s.sum_time_outside_zone_seconds + EXCLUDED.sum_time_outside_zone_seconds,
       avg_distance_from_center = round((s.sum_distance_from_center + EXCLUDED.sum_distance_from_center)
                                        / NULLIF(s.matches_with_circle_data + EXCLUDED.matches_with_circle_data, 0), 2),
       avg_distance_from_edge = round((s.sum_distance_from_edge + EXCLUDED.sum_distance_from_edge)
                                      / NULLIF(s.matches_with_circle_data + EXCLUDED.matches_with_circle_data, 0), 2),
       avg_time_outside_zone_seconds = round((s.sum_time_outside_zone_seconds + EXCLUDED.sum_time_outside_zone_seconds)
                                             / NULLIF(s.matches_with_zone_time + EXCLUDED.matches_with_zone_time, 0), 2),
       last_updated_at = now()
