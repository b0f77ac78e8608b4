-- Team fights (the live system's fight tracking v2, ../shared/reference/pewstats-live-system.md §6.7):
-- team_fights, one row per fight of a match, and fight_participants, one row per player in it. As in V6
-- each table is created with its key columns and completed with ADD COLUMN IF NOT EXISTS, so a table the
-- live system created is completed too; its exact duplicates are removed before the unique keys.

CREATE TABLE IF NOT EXISTS team_fights (
    id       BIGSERIAL PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE
);
ALTER TABLE team_fights
    -- the fight's place among the match's fights, by start time: its key within the match
    ADD COLUMN IF NOT EXISTS fight_index         INTEGER,
    ADD COLUMN IF NOT EXISTS fight_start_time    TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS fight_end_time      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS duration_seconds    NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS team_ids            INTEGER[],
    ADD COLUMN IF NOT EXISTS primary_team_1      INTEGER,
    ADD COLUMN IF NOT EXISTS primary_team_2      INTEGER,
    ADD COLUMN IF NOT EXISTS third_party_teams   INTEGER[],
    ADD COLUMN IF NOT EXISTS total_knocks        INTEGER,
    ADD COLUMN IF NOT EXISTS total_kills         INTEGER,
    ADD COLUMN IF NOT EXISTS total_damage        NUMERIC(10, 2) DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_damage_events INTEGER,
    ADD COLUMN IF NOT EXISTS total_attack_events INTEGER,
    ADD COLUMN IF NOT EXISTS outcome             TEXT,
    ADD COLUMN IF NOT EXISTS winning_team_id     INTEGER,
    ADD COLUMN IF NOT EXISTS loser_team_id       INTEGER,
    ADD COLUMN IF NOT EXISTS team_outcomes       JSONB,
    ADD COLUMN IF NOT EXISTS fight_reason        TEXT,
    ADD COLUMN IF NOT EXISTS fight_center_x      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS fight_center_y      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS fight_spread_radius NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS map_name            TEXT,
    ADD COLUMN IF NOT EXISTS game_mode           TEXT,
    ADD COLUMN IF NOT EXISTS game_type           TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at          TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS team_fights_team_ids_idx ON team_fights USING GIN (team_ids);
CREATE INDEX IF NOT EXISTS team_fights_start_idx ON team_fights (fight_start_time);

CREATE TABLE IF NOT EXISTS fight_participants (
    id       BIGSERIAL PRIMARY KEY,
    fight_id BIGINT NOT NULL REFERENCES team_fights (id) ON DELETE CASCADE
);
ALTER TABLE fight_participants
    ADD COLUMN IF NOT EXISTS match_id          TEXT,
    ADD COLUMN IF NOT EXISTS player_name       TEXT,
    ADD COLUMN IF NOT EXISTS player_account_id TEXT,
    ADD COLUMN IF NOT EXISTS team_id           INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_dealt      INTEGER,
    ADD COLUMN IF NOT EXISTS kills_dealt       INTEGER,
    ADD COLUMN IF NOT EXISTS damage_dealt      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS damage_taken      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS attacks_made      INTEGER,
    ADD COLUMN IF NOT EXISTS position_center_x NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS position_center_y NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS was_knocked       BOOLEAN,
    ADD COLUMN IF NOT EXISTS was_killed        BOOLEAN,
    ADD COLUMN IF NOT EXISTS survived          BOOLEAN DEFAULT TRUE,
    ADD COLUMN IF NOT EXISTS knocked_at        TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS killed_at         TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS match_datetime    TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at        TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS fight_participants_match_idx ON fight_participants (match_id);
CREATE INDEX IF NOT EXISTS fight_participants_player_idx ON fight_participants (player_name);

-- Live rows: exact duplicates removed (the live tables had no unique keys and re-inserted on every
-- re-run; participants of a removed fight go with it), numbered within their match by start time.
DO $$
DECLARE
    fights BIGINT;
    players BIGINT;
BEGIN
    CREATE TEMPORARY TABLE duplicate_fights ON COMMIT DROP AS
    SELECT a.id FROM team_fights a JOIN team_fights b
        ON a.match_id = b.match_id AND a.fight_start_time IS NOT DISTINCT FROM b.fight_start_time
       AND a.fight_end_time IS NOT DISTINCT FROM b.fight_end_time AND a.team_ids IS NOT DISTINCT FROM b.team_ids
       AND a.id > b.id;
    DELETE FROM fight_participants WHERE fight_id IN (SELECT id FROM duplicate_fights);
    GET DIAGNOSTICS players = ROW_COUNT;
    DELETE FROM team_fights WHERE id IN (SELECT id FROM duplicate_fights);
    GET DIAGNOSTICS fights = ROW_COUNT;
    DELETE FROM fight_participants a USING fight_participants b
     WHERE a.fight_id = b.fight_id AND a.player_name IS NOT DISTINCT FROM b.player_name AND a.id > b.id;
    -- an adopted database keeps the counts with the adoption's own
    IF to_regclass('schema_adoption_log') IS NOT NULL THEN
        INSERT INTO schema_adoption_log (table_name, duplicates_removed) VALUES ('team_fights', fights);
        INSERT INTO schema_adoption_log (table_name, duplicates_removed) VALUES ('fight_participants', players);
    END IF;
    RAISE NOTICE 'team_fights: % duplicate fight(s) removed with their % participant row(s)', fights, players;
END $$;
UPDATE team_fights f SET fight_index = n.i
  FROM (SELECT id, row_number() OVER (PARTITION BY match_id ORDER BY fight_start_time, id) - 1 AS i
          FROM team_fights WHERE fight_index IS NULL) n
 WHERE f.id = n.id;
CREATE UNIQUE INDEX IF NOT EXISTS team_fights_match_fight_key ON team_fights (match_id, fight_index);
CREATE UNIQUE INDEX IF NOT EXISTS fight_participants_fight_player_key ON fight_participants (fight_id, player_name);

-- Per team id, its fights: entered, won, lost, drawn, rates, averages (the live view's meaning). Materialized,
-- refreshed on a timer (routes/fights.camel.yaml), not per match.
CREATE MATERIALIZED VIEW IF NOT EXISTS team_combatability_metrics AS
SELECT team_id,
       count(*)                                                            AS fights_entered,
       count(*) FILTER (WHERE team_outcomes ->> team_id::text = 'WON')    AS fights_won,
       count(*) FILTER (WHERE team_outcomes ->> team_id::text = 'LOST')   AS fights_lost,
       count(*) FILTER (WHERE team_outcomes ->> team_id::text = 'DRAW')   AS fights_drawn,
       round(100.0 * count(*) FILTER (WHERE team_outcomes ->> team_id::text = 'WON') / count(*), 2)
                                                                           AS win_rate_pct,
       -- fights the team did not lose
       round(100.0 * count(*) FILTER (WHERE team_outcomes ->> team_id::text IS DISTINCT FROM 'LOST') / count(*), 2)
                                                                           AS survival_rate_pct,
       avg(total_knocks)                                                   AS avg_knocks_per_fight,
       avg(total_kills)                                                    AS avg_kills_per_fight,
       avg(total_damage)                                                   AS avg_damage_per_fight,
       avg(duration_seconds)                                               AS avg_fight_duration,
       min(match_datetime)                                                 AS first_fight_date,
       max(match_datetime)                                                 AS last_fight_date,
       count(DISTINCT match_id)                                            AS matches_with_fights
  FROM (SELECT unnest(team_ids) AS team_id, team_outcomes, total_knocks, total_kills, total_damage,
               duration_seconds, match_id, match_datetime
          FROM team_fights
         WHERE team_outcomes IS NOT NULL) fights
 GROUP BY team_id;
CREATE UNIQUE INDEX IF NOT EXISTS team_combatability_metrics_team_key ON team_combatability_metrics (team_id);
