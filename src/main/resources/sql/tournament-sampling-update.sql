-- After a run that started at header runStartedAt: a lobby whose teams got a match in this run goes back to
-- tournament.sample-size players and no empty runs; any other counts one more empty run, and every
-- tournament.sample-grow-after empty runs samples tournament.sample-grow-by more, up to tournament.sample-max.
UPDATE tournament_sampling s
   SET empty_runs = CASE WHEN f.found THEN 0 ELSE s.empty_runs + 1 END,
       sample_size = CASE WHEN f.found THEN CAST(:#${properties:tournament.sample-size} AS integer)
                          WHEN (s.empty_runs + 1) % CAST(:#${properties:tournament.sample-grow-after} AS integer) = 0
                          THEN LEAST(s.sample_size + CAST(:#${properties:tournament.sample-grow-by} AS integer),
                                     CAST(:#${properties:tournament.sample-max} AS integer))
                          ELSE s.sample_size END,
       last_run_at = now(),
       last_found_at = CASE WHEN f.found THEN now() ELSE s.last_found_at END
  FROM (SELECT s2.division, s2.group_name,
               EXISTS (SELECT 1 FROM tournament_matches tm JOIN teams t ON t.id = tm.team_id
                        WHERE t.division = s2.division AND COALESCE(t.group_name, '') = s2.group_name
                          AND tm.discovered_at >= CAST(:#runStartedAt AS timestamp)) AS found
          FROM tournament_sampling s2) f
 WHERE f.division = s.division AND f.group_name = s.group_name
