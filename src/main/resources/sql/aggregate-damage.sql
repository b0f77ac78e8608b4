-- player_damage_stats: the damage the matches in header aggregateMatches (a JSON array of ids) add to each
-- attacker's totals per weapon, reason and career bucket (stats_buckets), times header aggregateSign
-- (1 adds the matches, -1 takes them out again). Hits with damage > 0 by a named attacker, as live.
-- ORDER BY: every transaction locks the rows it updates in one order.
INSERT INTO player_damage_stats AS s (player_name, weapon_id, damage_reason, match_type, total_damage,
                                      total_hits, stats_updated_at)
SELECT d.attacker_name, COALESCE(d.weapon_id, 'Unknown'), COALESCE(d.damage_reason, 'Unknown'), b.match_type,
       CAST(:#aggregateSign AS integer) * SUM(CAST(d.damage AS numeric)),
       CAST(:#aggregateSign AS integer) * COUNT(*), now()
  FROM player_damage_events d
  JOIN matches m ON m.match_id = d.match_id
 CROSS JOIN LATERAL unnest(stats_buckets(m.game_type, m.is_tournament_match)) AS b (match_type)
 WHERE d.match_id IN (SELECT jsonb_array_elements_text(CAST(:#aggregateMatches AS jsonb)))
   AND d.attacker_name <> '' AND d.damage > 0
 GROUP BY 1, 2, 3, 4
 ORDER BY 1, 2, 3, 4
    ON CONFLICT (player_name, weapon_id, damage_reason, match_type) DO UPDATE
   SET total_damage = s.total_damage + EXCLUDED.total_damage,
       total_hits = s.total_hits + EXCLUDED.total_hits,
       stats_updated_at = now()
