-- Ids for a match's fights, one per fight, from team_fights' own sequence in one round trip: the fights and
-- their participants (which point at them) are then loaded with COPY.
SELECT nextval(pg_get_serial_sequence('team_fights', 'id')) AS id
  FROM generate_series(1, CAST(:#${header.fightCount} AS integer))
 ORDER BY 1
