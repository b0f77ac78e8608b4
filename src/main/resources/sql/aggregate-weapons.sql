-- player_weapon_stats: the knocks and kills of the matches in header aggregateMatches per killer, weapon and
-- career bucket, times header aggregateSign (1 adds, -1 takes out; the longest kill is then recomputed by
-- aggregate-longest-kills.sql). Distances are weapon_kill_events.distance in metres (the column is PUBG's
-- centimetres): total, longest and the ranges under 50 m, 50 to 200 m and from 200 m count kills only.
-- A headshot kill is one whose damage reason is HeadShot.
INSERT INTO player_weapon_stats AS s (player_name, weapon_id, match_type, total_kills, headshot_kills,
                                      knock_downs, total_kill_distance, longest_kill, close_range_kills,
                                      mid_range_kills, long_range_kills, stats_updated_at)
SELECT k.killer_name, k.weapon_id, b.match_type,
       sign * COUNT(*) FILTER (WHERE k.is_kill),
       sign * COUNT(*) FILTER (WHERE k.is_kill AND k.damage_reason = 'HeadShot'),
       sign * COUNT(*) FILTER (WHERE k.is_knock_down),
       sign * COALESCE(SUM(k.metres) FILTER (WHERE k.is_kill), 0),
       MAX(k.metres) FILTER (WHERE k.is_kill),
       sign * COUNT(*) FILTER (WHERE k.is_kill AND k.metres < 50),
       sign * COUNT(*) FILTER (WHERE k.is_kill AND k.metres >= 50 AND k.metres < 200),
       sign * COUNT(*) FILTER (WHERE k.is_kill AND k.metres >= 200),
       now()
  FROM (SELECT w.killer_name, COALESCE(w.weapon_id, 'Unknown') AS weapon_id, w.is_kill, w.is_knock_down,
               w.damage_reason, CAST(w.distance AS numeric) / 100 AS metres, m.game_type,
               m.is_tournament_match, CAST(:#aggregateSign AS integer) AS sign
          FROM weapon_kill_events w
          JOIN matches m ON m.match_id = w.match_id
         WHERE w.match_id IN (SELECT jsonb_array_elements_text(CAST(:#aggregateMatches AS jsonb)))
           AND w.killer_name <> '') k
 CROSS JOIN LATERAL unnest(stats_buckets(k.game_type, k.is_tournament_match)) AS b (match_type)
 GROUP BY k.killer_name, k.weapon_id, b.match_type, k.sign
 ORDER BY 1, 2, 3
    ON CONFLICT (player_name, weapon_id, match_type) DO UPDATE
   SET total_kills = s.total_kills + EXCLUDED.total_kills,
       headshot_kills = s.headshot_kills + EXCLUDED.headshot_kills,
       knock_downs = s.knock_downs + EXCLUDED.knock_downs,
       total_kill_distance = s.total_kill_distance + EXCLUDED.total_kill_distance,
       longest_kill = CASE WHEN CAST(:#aggregateSign AS integer) > 0
                           THEN GREATEST(s.longest_kill, EXCLUDED.longest_kill) ELSE s.longest_kill END,
       close_range_kills = s.close_range_kills + EXCLUDED.close_range_kills,
       mid_range_kills = s.mid_range_kills + EXCLUDED.mid_range_kills,
       long_range_kills = s.long_range_kills + EXCLUDED.long_range_kills,
       stats_updated_at = now()
