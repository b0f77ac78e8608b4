-- After matches were taken out (header aggregateMatches): the longest kill of every player_weapon_stats row
-- they touched, recomputed from the kills of the matches still counted (a maximum cannot be subtracted).
UPDATE player_weapon_stats s
   SET longest_kill = (SELECT MAX(CAST(w.distance AS numeric) / 100)
                         FROM weapon_kill_events w
                         JOIN matches m ON m.match_id = w.match_id AND m.stats_aggregated
                        WHERE w.killer_name = s.player_name AND w.is_kill
                          AND COALESCE(w.weapon_id, 'Unknown') = s.weapon_id
                          AND s.match_type = ANY (stats_buckets(m.game_type, m.is_tournament_match)))
 WHERE (s.player_name, s.weapon_id) IN (
        SELECT w.killer_name, COALESCE(w.weapon_id, 'Unknown')
          FROM weapon_kill_events w
         WHERE w.match_id IN (SELECT jsonb_array_elements_text(CAST(:#aggregateMatches AS jsonb))))
