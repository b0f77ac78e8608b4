-- Every season of the seasons endpoint's answer (the body) for the platform: new ones added, each one's
-- current and off-season flags as the API says now (so exactly the API's current season is flagged).
-- season_number and display_name are read from ids like division.bro.official.pc-2018-41.
INSERT INTO seasons AS s (id, platform, is_current, is_offseason, season_number, display_name, updated_at)
SELECT d.id, :#${properties:pubg.platform},
       COALESCE(CAST(d.attributes ->> 'isCurrentSeason' AS boolean), FALSE),
       COALESCE(CAST(d.attributes ->> 'isOffseason' AS boolean), FALSE),
       CAST(substring(d.id FROM '-([0-9]{1,4})$') AS integer),
       'Season ' || substring(d.id FROM '-([0-9]{1,4})$'),
       now()
  FROM jsonb_to_recordset(CAST(:#${body} AS jsonb) -> 'data') AS d (id TEXT, type TEXT, attributes JSONB)
 WHERE d.type = 'season' AND d.id IS NOT NULL
    ON CONFLICT (id, platform) DO UPDATE
   SET is_current = EXCLUDED.is_current, is_offseason = EXCLUDED.is_offseason, updated_at = now()
