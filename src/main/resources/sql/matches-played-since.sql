-- The ids of the matches played since the time in the body (the reprocess command's --since).
SELECT match_id FROM matches WHERE match_datetime >= :#${body} ORDER BY match_datetime, match_id
