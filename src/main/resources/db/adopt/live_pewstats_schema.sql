-- Adoption of a database that already holds the live PewStats tables (the Python collectors'), run once
-- by SchemaMigration before Flyway records the schema as version 4; migrations after 4 then run as on any
-- database of the hub. Every existing row is kept, except exact duplicates in the telemetry tables (the
-- live tables had no unique keys), which are removed before the unique keys are added; the count removed
-- per table is logged and kept in schema_adoption_log. Every step checks what is there, so a run cut off
-- half way can simply run again. The result has the same columns as a database built by V1..V4.

CREATE TABLE IF NOT EXISTS schema_adoption_log (
    table_name         TEXT NOT NULL,
    duplicates_removed BIGINT NOT NULL,
    adopted_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The order statuses move in (as V1): failed and skipped end a match.
CREATE OR REPLACE FUNCTION match_status_rank(status TEXT) RETURNS INT
    LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE status
        WHEN 'discovered' THEN 1 WHEN 'summarized' THEN 2 WHEN 'downloaded' THEN 3
        WHEN 'completed' THEN 4 WHEN 'failed' THEN 5 WHEN 'skipped' THEN 5 END
$$;

-- players ------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS players (player_id TEXT PRIMARY KEY, player_name TEXT NOT NULL);
ALTER TABLE players
    ADD COLUMN IF NOT EXISTS platform         TEXT NOT NULL DEFAULT 'steam',
    ADD COLUMN IF NOT EXISTS tracking_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN IF NOT EXISTS discord_id       TEXT UNIQUE,
    ADD COLUMN IF NOT EXISTS created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS updated_at       TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS players_name_idx ON players (player_name);

-- matches ------------------------------------------------------------------------------------------
CREATE TABLE IF NOT EXISTS matches (match_id TEXT PRIMARY KEY);
ALTER TABLE matches
    ADD COLUMN IF NOT EXISTS map_name               TEXT,
    ADD COLUMN IF NOT EXISTS game_mode              TEXT,
    ADD COLUMN IF NOT EXISTS game_type              TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime         TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS duration               INTEGER,
    ADD COLUMN IF NOT EXISTS is_custom_match        BOOLEAN,
    ADD COLUMN IF NOT EXISTS shard_id               TEXT,
    ADD COLUMN IF NOT EXISTS season_state           TEXT,
    ADD COLUMN IF NOT EXISTS title_id               TEXT,
    ADD COLUMN IF NOT EXISTS telemetry_url          TEXT,
    ADD COLUMN IF NOT EXISTS status                 TEXT,
    ADD COLUMN IF NOT EXISTS error_message          TEXT,
    ADD COLUMN IF NOT EXISTS landings_processed     BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS kills_processed        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS damage_processed       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS weapons_processed      BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS circles_processed      BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS attempts               INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS start_time             TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS finishing_processed    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS fights_processed       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS is_tournament_match    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS round_id               INTEGER,
    ADD COLUMN IF NOT EXISTS schedule_match_id      INTEGER,
    ADD COLUMN IF NOT EXISTS discovered_by          TEXT DEFAULT 'main',
    ADD COLUMN IF NOT EXISTS discovery_priority     TEXT DEFAULT 'normal',
    ADD COLUMN IF NOT EXISTS validation_status      TEXT,
    ADD COLUMN IF NOT EXISTS team_count             INTEGER,
    ADD COLUMN IF NOT EXISTS unmatched_player_count INTEGER,
    ADD COLUMN IF NOT EXISTS stats_aggregated       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS stats_aggregated_at    TIMESTAMPTZ;
-- the live schema requires these; the hub stores a match the API no longer has (404) without them
ALTER TABLE matches
    ALTER COLUMN map_name DROP NOT NULL,
    ALTER COLUMN game_mode DROP NOT NULL,
    ALTER COLUMN match_datetime DROP NOT NULL;
-- The live code wrote 'processing' (never stored, by its own bug) and its docs say 'complete'; a match in
-- a status the hub does not know starts again from discovery (recovery re-drives it).
DO $$
DECLARE
    changed BIGINT;
BEGIN
    UPDATE matches SET status = 'completed' WHERE status = 'complete';
    UPDATE matches SET status = 'discovered'
        WHERE status IS NULL OR status NOT IN ('discovered', 'summarized', 'downloaded', 'completed', 'failed', 'skipped');
    GET DIAGNOSTICS changed = ROW_COUNT;
    IF changed > 0 THEN
        RAISE NOTICE 'matches: % row(s) in a status the hub does not know set to discovered', changed;
    END IF;
END $$;
ALTER TABLE matches ALTER COLUMN status SET DEFAULT 'discovered', ALTER COLUMN status SET NOT NULL;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'matches_status_check'
                   AND conrelid = 'matches'::regclass) THEN
        ALTER TABLE matches ADD CONSTRAINT matches_status_check
            CHECK (status IN ('discovered', 'summarized', 'downloaded', 'completed', 'failed', 'skipped'));
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS matches_status_updated_idx ON matches (status, updated_at);
CREATE INDEX IF NOT EXISTS matches_datetime_idx ON matches (match_datetime);
CREATE INDEX IF NOT EXISTS matches_not_aggregated_idx ON matches (match_datetime)
    WHERE NOT stats_aggregated AND status = 'completed';

-- Telemetry tables that the live database lacks are created here with their key columns; the columns
-- added below complete them.
CREATE TABLE IF NOT EXISTS match_summaries (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL REFERENCES matches (match_id),
    participant_id TEXT NOT NULL, player_id TEXT NOT NULL, UNIQUE (match_id, participant_id));
CREATE TABLE IF NOT EXISTS landings (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL REFERENCES matches (match_id));
CREATE TABLE IF NOT EXISTS kill_positions (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL REFERENCES matches (match_id));
CREATE TABLE IF NOT EXISTS player_damage_events (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL REFERENCES matches (match_id));
CREATE TABLE IF NOT EXISTS weapon_kill_events (id BIGSERIAL PRIMARY KEY, match_id TEXT NOT NULL REFERENCES matches (match_id));
CREATE TABLE IF NOT EXISTS circle_positions (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), match_id TEXT NOT NULL REFERENCES matches (match_id),
    phase_num INTEGER NOT NULL, UNIQUE (match_id, phase_num));

-- Exact duplicates (every column equal but the surrogate id and created_at) are removed, one row of each
-- kept, before any column of the hub's is added.
DO $$
DECLARE
    t TEXT;
    cols TEXT;
    removed BIGINT;
BEGIN
    FOREACH t IN ARRAY ARRAY['landings', 'kill_positions', 'player_damage_events', 'weapon_kill_events',
                             'circle_positions', 'match_summaries'] LOOP
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position) INTO cols
            FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = t AND column_name NOT IN ('id', 'created_at', 'updated_at');
        EXECUTE format('DELETE FROM %I WHERE ctid IN (SELECT ctid FROM (SELECT ctid, row_number() OVER '
                       '(PARTITION BY %s ORDER BY ctid) AS n FROM %I) d WHERE d.n > 1)', t, cols, t);
        GET DIAGNOSTICS removed = ROW_COUNT;
        INSERT INTO schema_adoption_log (table_name, duplicates_removed) VALUES (t, removed);
        RAISE NOTICE '%: % duplicate row(s) removed', t, removed;
    END LOOP;
END $$;

-- match_summaries ----------------------------------------------------------------------------------
ALTER TABLE match_summaries
    ADD COLUMN IF NOT EXISTS player_name               TEXT,
    ADD COLUMN IF NOT EXISTS is_bot                    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS team_id                   INTEGER,
    ADD COLUMN IF NOT EXISTS team_rank                 INTEGER,
    ADD COLUMN IF NOT EXISTS won                       BOOLEAN,
    ADD COLUMN IF NOT EXISTS map_name                  TEXT,
    ADD COLUMN IF NOT EXISTS game_mode                 TEXT,
    ADD COLUMN IF NOT EXISTS match_type                TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime            TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS match_duration            INTEGER,
    ADD COLUMN IF NOT EXISTS is_custom_match           BOOLEAN,
    ADD COLUMN IF NOT EXISTS shard_id                  TEXT,
    ADD COLUMN IF NOT EXISTS season_state              TEXT,
    ADD COLUMN IF NOT EXISTS title_id                  TEXT,
    ADD COLUMN IF NOT EXISTS dbnos                     INTEGER,
    ADD COLUMN IF NOT EXISTS assists                   INTEGER,
    ADD COLUMN IF NOT EXISTS boosts                    INTEGER,
    ADD COLUMN IF NOT EXISTS heals                     INTEGER,
    ADD COLUMN IF NOT EXISTS damage_dealt              DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS death_type                TEXT,
    ADD COLUMN IF NOT EXISTS headshot_kills            INTEGER,
    ADD COLUMN IF NOT EXISTS kill_place                INTEGER,
    ADD COLUMN IF NOT EXISTS kill_streaks              INTEGER,
    ADD COLUMN IF NOT EXISTS kills                     INTEGER,
    ADD COLUMN IF NOT EXISTS longest_kill              DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS revives                   INTEGER,
    ADD COLUMN IF NOT EXISTS ride_distance             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS road_kills                INTEGER,
    ADD COLUMN IF NOT EXISTS swim_distance             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS team_kills                INTEGER,
    ADD COLUMN IF NOT EXISTS time_survived             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS vehicle_destroys          INTEGER,
    ADD COLUMN IF NOT EXISTS walk_distance             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS weapons_acquired          INTEGER,
    ADD COLUMN IF NOT EXISTS win_place                 INTEGER,
    ADD COLUMN IF NOT EXISTS created_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS killsteals                INTEGER,
    ADD COLUMN IF NOT EXISTS heals_used                INTEGER,
    ADD COLUMN IF NOT EXISTS boosts_used               INTEGER,
    ADD COLUMN IF NOT EXISTS throwables_used           INTEGER,
    ADD COLUMN IF NOT EXISTS smokes_thrown             INTEGER,
    ADD COLUMN IF NOT EXISTS throwable_damage          NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS damage_received           NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_distance_from_center  NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_distance_from_edge    NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS max_distance_from_center  NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS min_distance_from_edge    NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS time_outside_zone_seconds INTEGER;
UPDATE match_summaries SET is_bot = TRUE WHERE player_id LIKE 'ai.%' AND NOT is_bot;
CREATE INDEX IF NOT EXISTS match_summaries_player_idx ON match_summaries (player_id);
CREATE INDEX IF NOT EXISTS match_summaries_name_idx ON match_summaries (player_name);
CREATE INDEX IF NOT EXISTS match_summaries_datetime_idx ON match_summaries (match_datetime);

-- landings -----------------------------------------------------------------------------------------
ALTER TABLE landings
    ADD COLUMN IF NOT EXISTS event_index     INTEGER,
    ADD COLUMN IF NOT EXISTS player_id       TEXT,
    ADD COLUMN IF NOT EXISTS player_name     TEXT,
    ADD COLUMN IF NOT EXISTS team_id         INTEGER,
    ADD COLUMN IF NOT EXISTS is_bot          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS x_coordinate    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS y_coordinate    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS z_coordinate    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS distance        DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS is_game         DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS map_name        TEXT,
    ADD COLUMN IF NOT EXISTS game_mode       TEXT,
    ADD COLUMN IF NOT EXISTS game_type       TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime  TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS event_timestamp TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at      TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS landings_player_idx ON landings (player_id);
CREATE INDEX IF NOT EXISTS landings_name_idx ON landings (player_name);

-- kill_positions -----------------------------------------------------------------------------------
ALTER TABLE kill_positions
    ADD COLUMN IF NOT EXISTS event_index                     INTEGER,
    ADD COLUMN IF NOT EXISTS event_version                   SMALLINT NOT NULL DEFAULT 2,
    ADD COLUMN IF NOT EXISTS attack_id                       BIGINT,
    ADD COLUMN IF NOT EXISTS dbno_id                         BIGINT,
    ADD COLUMN IF NOT EXISTS victim_id                       TEXT,
    ADD COLUMN IF NOT EXISTS victim_name                     TEXT,
    ADD COLUMN IF NOT EXISTS victim_team_id                  INTEGER,
    ADD COLUMN IF NOT EXISTS victim_is_bot                   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS victim_x_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_y_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_z_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_in_blue_zone             BOOLEAN,
    ADD COLUMN IF NOT EXISTS victim_in_red_zone              BOOLEAN,
    ADD COLUMN IF NOT EXISTS victim_in_vehicle               BOOLEAN,
    ADD COLUMN IF NOT EXISTS killed_in_zone                  JSONB,
    ADD COLUMN IF NOT EXISTS dbno_maker_id                   TEXT,
    ADD COLUMN IF NOT EXISTS dbno_maker_name                 TEXT,
    ADD COLUMN IF NOT EXISTS dbno_maker_team_id              INTEGER,
    ADD COLUMN IF NOT EXISTS dbno_maker_x_location           DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS dbno_maker_y_location           DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS dbno_maker_z_location           DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS dbno_maker_zone                 JSONB,
    ADD COLUMN IF NOT EXISTS dbno_damage_reason              TEXT,
    ADD COLUMN IF NOT EXISTS dbno_damage_category            TEXT,
    ADD COLUMN IF NOT EXISTS dbno_damage_causer_name         TEXT,
    ADD COLUMN IF NOT EXISTS dbno_damage_causer_distance     DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS finisher_id                     TEXT,
    ADD COLUMN IF NOT EXISTS finisher_name                   TEXT,
    ADD COLUMN IF NOT EXISTS finisher_team_id                INTEGER,
    ADD COLUMN IF NOT EXISTS finisher_x_location             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS finisher_y_location             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS finisher_z_location             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS finisher_zone                   JSONB,
    ADD COLUMN IF NOT EXISTS finisher_damage_reason          TEXT,
    ADD COLUMN IF NOT EXISTS finisher_damage_category        TEXT,
    ADD COLUMN IF NOT EXISTS finisher_damage_causer_name     TEXT,
    ADD COLUMN IF NOT EXISTS finisher_damage_causer_distance DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_id                       TEXT,
    ADD COLUMN IF NOT EXISTS killer_name                     TEXT,
    ADD COLUMN IF NOT EXISTS killer_team_id                  INTEGER,
    ADD COLUMN IF NOT EXISTS killer_is_bot                   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS killer_x_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_y_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_z_location               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_damage_reason            TEXT,
    ADD COLUMN IF NOT EXISTS killer_damage_category          TEXT,
    ADD COLUMN IF NOT EXISTS killer_damage_causer_name       TEXT,
    ADD COLUMN IF NOT EXISTS killer_damage_causer_distance   DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS is_suicide                      BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_game                         DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS map_name                        TEXT,
    ADD COLUMN IF NOT EXISTS game_mode                       TEXT,
    ADD COLUMN IF NOT EXISTS game_type                       TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime                  TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS event_timestamp                 TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at                      TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS kill_positions_victim_idx ON kill_positions (victim_id);
CREATE INDEX IF NOT EXISTS kill_positions_killer_idx ON kill_positions (killer_id);
CREATE INDEX IF NOT EXISTS kill_positions_victim_name_idx ON kill_positions (victim_name);
CREATE INDEX IF NOT EXISTS kill_positions_match_victim_team_idx ON kill_positions (match_id, victim_team_id);

-- player_damage_events -----------------------------------------------------------------------------
ALTER TABLE player_damage_events
    ADD COLUMN IF NOT EXISTS event_index          INTEGER,
    ADD COLUMN IF NOT EXISTS attack_id            BIGINT,
    ADD COLUMN IF NOT EXISTS attacker_id          TEXT,
    ADD COLUMN IF NOT EXISTS attacker_name        TEXT,
    ADD COLUMN IF NOT EXISTS attacker_team_id     INTEGER,
    ADD COLUMN IF NOT EXISTS attacker_health      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS attacker_location_x  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS attacker_location_y  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS attacker_location_z  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_id            TEXT,
    ADD COLUMN IF NOT EXISTS victim_name          TEXT,
    ADD COLUMN IF NOT EXISTS victim_team_id       INTEGER,
    ADD COLUMN IF NOT EXISTS victim_health        DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_location_x    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_location_y    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_location_z    DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS damage_type_category TEXT,
    ADD COLUMN IF NOT EXISTS damage_reason        TEXT,
    ADD COLUMN IF NOT EXISTS damage               DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS weapon_id            TEXT,
    ADD COLUMN IF NOT EXISTS is_through_wall      BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_game              DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS event_timestamp      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at           TIMESTAMPTZ NOT NULL DEFAULT now();
-- health is fractional (87.5); the live columns are INTEGER, which COPY cannot fill with it
DO $$
BEGIN
    IF (SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()
        AND table_name = 'player_damage_events' AND column_name = 'attacker_health') <> 'double precision' THEN
        ALTER TABLE player_damage_events ALTER COLUMN attacker_health TYPE DOUBLE PRECISION,
            ALTER COLUMN victim_health TYPE DOUBLE PRECISION;
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS player_damage_events_attacker_idx ON player_damage_events (attacker_id);
CREATE INDEX IF NOT EXISTS player_damage_events_victim_idx ON player_damage_events (victim_id);
CREATE INDEX IF NOT EXISTS player_damage_events_attacker_name_idx ON player_damage_events (attacker_name);
CREATE INDEX IF NOT EXISTS player_damage_events_victim_name_idx ON player_damage_events (victim_name);
CREATE INDEX IF NOT EXISTS player_damage_events_aggregation_idx
    ON player_damage_events (match_id, attacker_name, weapon_id, damage_reason);

-- weapon_kill_events -------------------------------------------------------------------------------
ALTER TABLE weapon_kill_events
    ADD COLUMN IF NOT EXISTS event_index         INTEGER,
    ADD COLUMN IF NOT EXISTS event_type          TEXT,
    ADD COLUMN IF NOT EXISTS attack_id           BIGINT,
    ADD COLUMN IF NOT EXISTS dbno_id             BIGINT,
    ADD COLUMN IF NOT EXISTS killer_id           TEXT,
    ADD COLUMN IF NOT EXISTS killer_name         TEXT,
    ADD COLUMN IF NOT EXISTS killer_team_id      INTEGER,
    ADD COLUMN IF NOT EXISTS victim_id           TEXT,
    ADD COLUMN IF NOT EXISTS victim_name         TEXT,
    ADD COLUMN IF NOT EXISTS victim_team_id      INTEGER,
    ADD COLUMN IF NOT EXISTS weapon_id           TEXT,
    ADD COLUMN IF NOT EXISTS damage_type         TEXT,
    ADD COLUMN IF NOT EXISTS damage_reason       TEXT,
    ADD COLUMN IF NOT EXISTS distance            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_x            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_y            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_z            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_x            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_y            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS victim_z            DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS killer_in_vehicle   BOOLEAN,
    ADD COLUMN IF NOT EXISTS victim_in_vehicle   BOOLEAN,
    ADD COLUMN IF NOT EXISTS killer_in_blue_zone BOOLEAN,
    ADD COLUMN IF NOT EXISTS killer_in_red_zone  BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_blue_zone        BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_red_zone         BOOLEAN,
    ADD COLUMN IF NOT EXISTS zone_phase          INTEGER,
    ADD COLUMN IF NOT EXISTS is_game             DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS map_name            TEXT,
    ADD COLUMN IF NOT EXISTS game_mode           TEXT,
    ADD COLUMN IF NOT EXISTS match_datetime      TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS event_timestamp     TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS is_knock_down       BOOLEAN,
    ADD COLUMN IF NOT EXISTS is_kill             BOOLEAN,
    ADD COLUMN IF NOT EXISTS match_type          TEXT,
    ADD COLUMN IF NOT EXISTS time_survived       INTEGER;
-- every live row is a kill (the live code wrote no knocks; its is_knock_down read a field that does not exist)
UPDATE weapon_kill_events SET event_type = 'kill', is_kill = TRUE, is_knock_down = FALSE WHERE event_type IS NULL;
ALTER TABLE weapon_kill_events ALTER COLUMN event_type SET NOT NULL;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'weapon_kill_events_event_type_check') THEN
        ALTER TABLE weapon_kill_events ADD CONSTRAINT weapon_kill_events_event_type_check
            CHECK (event_type IN ('knock', 'kill'));
    END IF;
END $$;
CREATE INDEX IF NOT EXISTS weapon_kill_events_weapon_idx ON weapon_kill_events (weapon_id);
CREATE INDEX IF NOT EXISTS weapon_kill_events_killer_idx ON weapon_kill_events (killer_id);
CREATE INDEX IF NOT EXISTS weapon_kill_events_killer_name_idx ON weapon_kill_events (killer_name);
CREATE INDEX IF NOT EXISTS weapon_kill_events_match_killer_weapon_idx ON weapon_kill_events (match_id, killer_name, weapon_id);

-- circle_positions ---------------------------------------------------------------------------------
ALTER TABLE circle_positions
    ADD COLUMN IF NOT EXISTS center_x      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS center_y      DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS radius        DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS elapsed_time  DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS safe_center_x DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS safe_center_y DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS safe_radius   DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS alive_players INTEGER,
    ADD COLUMN IF NOT EXISTS map_name      TEXT,
    ADD COLUMN IF NOT EXISTS game_time     TIMESTAMPTZ,
    ADD COLUMN IF NOT EXISTS created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS is_game       DOUBLE PRECISION,
    ADD COLUMN IF NOT EXISTS match_type    TEXT,
    ADD COLUMN IF NOT EXISTS match_date    TIMESTAMPTZ;
-- the live (R-era) table's id is a UUID the writer supplied; the hub leaves ids to the database
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'circle_positions' AND column_name = 'id' AND data_type = 'uuid' AND column_default IS NULL) THEN
        ALTER TABLE circle_positions ALTER COLUMN id SET DEFAULT gen_random_uuid();
    END IF;
END $$;

-- Unique keys. Rows adopted from the live tables have no position in their file: they are numbered
-- -1, -2, ... within their match (reprocessing the match replaces them with numbered rows).
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['landings', 'kill_positions', 'player_damage_events', 'weapon_kill_events'] LOOP
        EXECUTE format('UPDATE %I SET event_index = -d.n FROM (SELECT ctid AS row_ctid, row_number() OVER '
                       '(PARTITION BY match_id ORDER BY ctid) AS n FROM %I WHERE event_index IS NULL) d '
                       'WHERE %I.ctid = d.row_ctid', t, t, t);
        EXECUTE format('ALTER TABLE %I ALTER COLUMN event_index SET NOT NULL', t);
    END LOOP;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'landings_match_id_event_index_key') THEN
        ALTER TABLE landings ADD CONSTRAINT landings_match_id_event_index_key UNIQUE (match_id, event_index);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'kill_positions_match_id_event_index_key') THEN
        ALTER TABLE kill_positions ADD CONSTRAINT kill_positions_match_id_event_index_key UNIQUE (match_id, event_index);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'player_damage_events_match_id_event_index_key') THEN
        ALTER TABLE player_damage_events ADD CONSTRAINT player_damage_events_match_id_event_index_key
            UNIQUE (match_id, event_index);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'weapon_kill_events_match_id_event_index_event_type_key') THEN
        ALTER TABLE weapon_kill_events ADD CONSTRAINT weapon_kill_events_match_id_event_index_event_type_key
            UNIQUE (match_id, event_index, event_type);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'circle_positions'::regclass AND contype = 'u') THEN
        ALTER TABLE circle_positions ADD CONSTRAINT circle_positions_match_id_phase_num_key UNIQUE (match_id, phase_num);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'match_summaries'::regclass AND contype = 'u') THEN
        ALTER TABLE match_summaries ADD CONSTRAINT match_summaries_match_id_participant_id_key
            UNIQUE (match_id, participant_id);
    END IF;
END $$;

-- The live landings, kill_positions and weapon_kill_events have no key of their own; the hub's have one.
DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['landings', 'kill_positions', 'weapon_kill_events'] LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN IF NOT EXISTS id BIGSERIAL', t);
        IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = t::regclass AND contype = 'p') THEN
            EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (id)', t);
        END IF;
    END LOOP;
END $$;

-- One spelling per map: the display name of the official dictionary (map_names), as the hub writes it.
-- The live tables held the internal name (Baltic_Main) in the telemetry tables and "Erangel (Remastered)"
-- in matches.
DO $$
DECLARE
    t TEXT;
    changed BIGINT;
BEGIN
    UPDATE matches SET map_name = regexp_replace(map_name, ' \(Remastered\)$', '') WHERE map_name LIKE '% (Remastered)';
    FOREACH t IN ARRAY ARRAY['matches', 'match_summaries', 'landings', 'kill_positions', 'weapon_kill_events',
                             'circle_positions'] LOOP
        EXECUTE format('UPDATE %I x SET map_name = n.display_name FROM map_names n WHERE x.map_name = n.internal_name', t);
        GET DIAGNOSTICS changed = ROW_COUNT;
        IF changed > 0 THEN
            RAISE NOTICE '%: % map name(s) changed to their display name', t, changed;
        END IF;
    END LOOP;
END $$;
