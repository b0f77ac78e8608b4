-- The match ids (a JSON array in the body) not yet in matches, once each, in the order given.
SELECT t.id AS match_id
  FROM jsonb_array_elements_text(CAST(:#${body} AS jsonb)) WITH ORDINALITY AS t(id, n)
 WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.match_id = t.id)
 GROUP BY t.id
 ORDER BY min(t.n)
