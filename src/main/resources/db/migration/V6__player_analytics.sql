-- The live PewStats system's per-player analytics tables (../shared/reference/pewstats-tables.md), filled by
-- the extraction stage in its one pass: knocks and how they end, finishing per player, the weapon mix, and
-- tracked players' positions relative to the safe zone. Each table is created with two columns and then
-- given every column with ADD COLUMN IF NOT EXISTS, so the same statements complete a table the live
-- system already created (an adopted database) and create it on a new one. As in the adoption script,
-- live rows that are exact duplicates are removed before the unique keys are added, and live rows have
-- no position in their file (event_index NULL: reprocessing their match replaces them).

-- LogPlayerMakeGroggy: one row per knock, with what became of it and who was near both players.
CREATE TABLE IF NOT EXISTS player_knock_events (
    id       BIGSERIAL PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE
);
ALTER TABLE player_knock_events
    ADD COLUMN IF NOT EXISTS event_index                      INTEGER,
    ADD COLUMN IF NOT EXISTS dbno_id                          BIGINT,
    ADD COLUMN IF NOT EXISTS attack_id                        BIGINT,
    ADD COLUMN IF NOT EXISTS attacker_name                    TEXT,
    ADD COLUMN IF NOT EXISTS attacker_team_id                 INTEGER,
    ADD COLUMN IF NOT EXISTS attacker_account_id              TEXT,
    ADD COLUMN IF NOT EXISTS attacker_location_x              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS attacker_location_y              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS attacker_location_z              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS attacker_health                  NUMERIC(5, 2),
    ADD COLUMN IF NOT EXISTS victim_name                      TEXT,
    ADD COLUMN IF NOT EXISTS victim_team_id                   INTEGER,
    ADD COLUMN IF NOT EXISTS victim_account_id                TEXT,
    ADD COLUMN IF NOT EXISTS victim_location_x                NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS victim_location_y                NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS victim_location_z                NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS damage_reason                    TEXT,
    ADD COLUMN IF NOT EXISTS damage_type_category             TEXT,
    ADD COLUMN IF NOT EXISTS knock_weapon                     TEXT,
    ADD COLUMN IF NOT EXISTS knock_weapon_attachments         JSONB,
    ADD COLUMN IF NOT EXISTS victim_weapon                    TEXT,
    ADD COLUMN IF NOT EXISTS victim_weapon_attachments        JSONB,
    ADD COLUMN IF NOT EXISTS knock_distance                   NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS is_attacker_in_vehicle           BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_through_penetrable_wall       BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_blue_zone                     BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_red_zone                      BOOLEAN,
    ADD COLUMN IF NOT EXISTS zone_name                        TEXT,
    ADD COLUMN IF NOT EXISTS nearest_teammate_distance        NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_teammate_distance            NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS teammates_within_50m             INTEGER,
    ADD COLUMN IF NOT EXISTS teammates_within_100m            INTEGER,
    ADD COLUMN IF NOT EXISTS teammates_within_200m            INTEGER,
    ADD COLUMN IF NOT EXISTS team_spread_variance             NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS total_teammates_alive            INTEGER,
    ADD COLUMN IF NOT EXISTS teammate_positions               JSONB,
    ADD COLUMN IF NOT EXISTS victim_nearest_teammate_distance NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS victim_avg_teammate_distance     NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS victim_teammates_within_50m      INTEGER,
    ADD COLUMN IF NOT EXISTS victim_teammates_within_100m     INTEGER,
    ADD COLUMN IF NOT EXISTS victim_teammates_within_200m     INTEGER,
    ADD COLUMN IF NOT EXISTS victim_team_spread_variance      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS victim_total_teammates_alive     INTEGER,
    ADD COLUMN IF NOT EXISTS victim_teammate_positions        JSONB,
    ADD COLUMN IF NOT EXISTS outcome                          TEXT,
    ADD COLUMN IF NOT EXISTS finisher_name                    TEXT,
    ADD COLUMN IF NOT EXISTS finisher_account_id              TEXT,
    ADD COLUMN IF NOT EXISTS finisher_is_self                 BOOLEAN,
    ADD COLUMN IF NOT EXISTS finisher_is_teammate             BOOLEAN,
    ADD COLUMN IF NOT EXISTS time_to_finish                   NUMERIC(8, 2),
    ADD COLUMN IF NOT EXISTS map_name                         TEXT,
    ADD COLUMN IF NOT EXISTS game_mode                        TEXT,
    ADD COLUMN IF NOT EXISTS game_type                        TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime                   TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS event_timestamp                  TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at                       TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS player_knock_events_attacker_idx ON player_knock_events (attacker_name);

-- One row per player who knocked or killed outright: how often and how fast the knocks were finished.
CREATE TABLE IF NOT EXISTS player_finishing_summary (
    id       BIGSERIAL PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE
);
ALTER TABLE player_finishing_summary
    ADD COLUMN IF NOT EXISTS player_name                     TEXT,
    ADD COLUMN IF NOT EXISTS player_account_id               TEXT,
    ADD COLUMN IF NOT EXISTS team_id                         INTEGER,
    ADD COLUMN IF NOT EXISTS team_rank                       INTEGER,
    ADD COLUMN IF NOT EXISTS total_knocks                    INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_converted_self           INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_finished_by_teammates    INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_revived_by_enemy         INTEGER,
    ADD COLUMN IF NOT EXISTS instant_kills                   INTEGER,
    ADD COLUMN IF NOT EXISTS finishing_rate                  NUMERIC(5, 2),
    ADD COLUMN IF NOT EXISTS avg_time_to_finish_self         NUMERIC(8, 2),
    ADD COLUMN IF NOT EXISTS avg_time_to_finish_teammate     NUMERIC(8, 2),
    ADD COLUMN IF NOT EXISTS avg_knock_distance              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS min_knock_distance              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS max_knock_distance              NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS knocks_cqc_0_10m                INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_close_10_50m             INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_medium_50_100m           INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_long_100_200m            INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_very_long_200m_plus      INTEGER,
    ADD COLUMN IF NOT EXISTS avg_nearest_teammate_distance   NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_team_spread                 NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS knocks_with_teammate_within_50m INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_with_teammate_within_100m INTEGER,
    ADD COLUMN IF NOT EXISTS knocks_isolated_200m_plus       INTEGER,
    ADD COLUMN IF NOT EXISTS headshot_knock_count            INTEGER,
    ADD COLUMN IF NOT EXISTS wallbang_knock_count            INTEGER,
    ADD COLUMN IF NOT EXISTS vehicle_knock_count             INTEGER,
    ADD COLUMN IF NOT EXISTS map_name                        TEXT,
    ADD COLUMN IF NOT EXISTS game_mode                       TEXT,
    ADD COLUMN IF NOT EXISTS game_type                       TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime                  TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at                      TIMESTAMPTZ NOT NULL DEFAULT now();

-- Per player and weapon category: damage dealt, knocks and kills.
CREATE TABLE IF NOT EXISTS player_match_weapon_distribution (
    id       BIGSERIAL PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE
);
ALTER TABLE player_match_weapon_distribution
    ADD COLUMN IF NOT EXISTS player_name     TEXT,
    ADD COLUMN IF NOT EXISTS weapon_category TEXT,
    ADD COLUMN IF NOT EXISTS total_damage    NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS total_kills     INTEGER,
    ADD COLUMN IF NOT EXISTS knock_downs     INTEGER,
    ADD COLUMN IF NOT EXISTS created_at      TIMESTAMPTZ NOT NULL DEFAULT now();

-- LogPlayerPosition of tracked players, with the safe zone in force at that moment (metres).
CREATE TABLE IF NOT EXISTS player_circle_positions (
    id       BIGSERIAL PRIMARY KEY,
    match_id TEXT NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE
);
ALTER TABLE player_circle_positions
    ADD COLUMN IF NOT EXISTS event_index          INTEGER,
    ADD COLUMN IF NOT EXISTS player_id            TEXT,
    ADD COLUMN IF NOT EXISTS player_name          TEXT,
    ADD COLUMN IF NOT EXISTS elapsed_time         INTEGER,
    ADD COLUMN IF NOT EXISTS player_x             NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS player_y             NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS safe_zone_center_x   NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS safe_zone_center_y   NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS safe_zone_radius     NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS distance_from_center NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS distance_from_edge   NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS is_in_safe_zone      BOOLEAN,
    ADD COLUMN IF NOT EXISTS created_at           TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS player_circle_positions_player_idx ON player_circle_positions (player_name);

-- Exact duplicates left by the live system (it had no unique keys and re-inserted on every re-run):
-- one row of each kept, the count logged (and kept in schema_adoption_log on an adopted database).
DO $$
DECLARE
    t TEXT;
    cols TEXT;
    removed BIGINT;
BEGIN
    FOREACH t IN ARRAY ARRAY['player_knock_events', 'player_finishing_summary', 'player_match_weapon_distribution',
                             'player_circle_positions'] LOOP
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = t AND column_name NOT IN ('id', 'created_at');
        EXECUTE format('DELETE FROM %I WHERE ctid IN (SELECT ctid FROM (SELECT ctid, row_number() OVER '
                       '(PARTITION BY %s ORDER BY ctid) AS n FROM %I) d WHERE d.n > 1)', t, cols, t);
        GET DIAGNOSTICS removed = ROW_COUNT;
        -- an adopted database keeps the counts with the adoption's own
        IF to_regclass('schema_adoption_log') IS NOT NULL THEN
            INSERT INTO schema_adoption_log (table_name, duplicates_removed) VALUES (t, removed);
        END IF;
        RAISE NOTICE '%: % duplicate row(s) removed', t, removed;
    END LOOP;
END $$;

-- Unique keys: one row per knock and per position sample (their place in the file), one summary per player,
-- one row per player and category. Live summary rows that still collide (same player twice, different
-- values) keep the newest.
DELETE FROM player_finishing_summary a USING player_finishing_summary b
 WHERE a.match_id = b.match_id AND a.player_name = b.player_name AND a.id < b.id;
DELETE FROM player_match_weapon_distribution a USING player_match_weapon_distribution b
 WHERE a.match_id = b.match_id AND a.player_name = b.player_name AND a.weapon_category = b.weapon_category
   AND a.id < b.id;
CREATE UNIQUE INDEX IF NOT EXISTS player_knock_events_match_event_key ON player_knock_events (match_id, event_index);
CREATE UNIQUE INDEX IF NOT EXISTS player_finishing_summary_match_player_key
    ON player_finishing_summary (match_id, player_name);
CREATE UNIQUE INDEX IF NOT EXISTS player_match_weapon_distribution_key
    ON player_match_weapon_distribution (match_id, player_name, weapon_category);
CREATE UNIQUE INDEX IF NOT EXISTS player_circle_positions_match_event_key
    ON player_circle_positions (match_id, event_index);

-- PUBG's dictionaries for reports to join on ("AKM" for WeapAK47_C). Their rows are the files in
-- src/main/resources/pubg/ (*.tsv), loaded by the repeatable migration db.migration.R__Pubg_dictionaries.
CREATE TABLE damage_causer_names (
    internal_name   TEXT PRIMARY KEY,
    display_name    TEXT NOT NULL,
    weapon_category TEXT NOT NULL
);
CREATE TABLE damage_type_categories (
    internal_name TEXT PRIMARY KEY,
    display_name  TEXT NOT NULL
);
CREATE TABLE game_types (
    game_type    TEXT PRIMARY KEY,
    display_name TEXT NOT NULL
);
