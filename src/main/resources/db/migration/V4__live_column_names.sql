-- The live PewStats database's column names (../shared/reference/pewstats-tables.md): a community's API
-- and dashboards query these tables by these names. Columns of ours that the live schema names otherwise
-- are renamed; the live columns we lacked are added (nullable where they belong to later features:
-- tournament context, aggregation, enhanced summary stats). Columns the hub needs beyond the live ones
-- (event_index, is_bot, ids, ...) stay. A database that already holds the live tables is adopted by
-- db/adopt/live_pewstats_schema.sql instead, which ends in this same shape.

-- players ------------------------------------------------------------------------------------------
ALTER TABLE players ADD COLUMN discord_id TEXT UNIQUE;

-- matches ------------------------------------------------------------------------------------------
ALTER TABLE matches
    ADD COLUMN start_time             TIMESTAMPTZ,
    ADD COLUMN finishing_processed    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN fights_processed       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN is_tournament_match    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN round_id               INTEGER,
    ADD COLUMN schedule_match_id      INTEGER,
    ADD COLUMN discovered_by          TEXT DEFAULT 'main',
    ADD COLUMN discovery_priority     TEXT DEFAULT 'normal',
    ADD COLUMN validation_status      TEXT,
    ADD COLUMN team_count             INTEGER,
    ADD COLUMN unmatched_player_count INTEGER,
    ADD COLUMN stats_aggregated       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN stats_aggregated_at    TIMESTAMPTZ;
CREATE INDEX matches_not_aggregated_idx ON matches (match_datetime)
    WHERE NOT stats_aggregated AND status = 'completed';

-- match_summaries ----------------------------------------------------------------------------------
ALTER TABLE match_summaries RENAME COLUMN game_type TO match_type;
ALTER TABLE match_summaries
    ADD COLUMN match_duration            INTEGER,
    ADD COLUMN is_custom_match           BOOLEAN,
    ADD COLUMN updated_at                TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN killsteals                INTEGER,
    ADD COLUMN heals_used                INTEGER,
    ADD COLUMN boosts_used               INTEGER,
    ADD COLUMN throwables_used           INTEGER,
    ADD COLUMN smokes_thrown             INTEGER,
    ADD COLUMN throwable_damage          NUMERIC(10, 2),
    ADD COLUMN damage_received           NUMERIC(10, 2),
    ADD COLUMN avg_distance_from_center  NUMERIC(10, 2),
    ADD COLUMN avg_distance_from_edge    NUMERIC(10, 2),
    ADD COLUMN max_distance_from_center  NUMERIC(10, 2),
    ADD COLUMN min_distance_from_edge    NUMERIC(10, 2),
    ADD COLUMN time_outside_zone_seconds INTEGER;
CREATE INDEX match_summaries_name_idx ON match_summaries (player_name);
CREATE INDEX match_summaries_datetime_idx ON match_summaries (match_datetime);

-- landings -----------------------------------------------------------------------------------------
ALTER TABLE landings RENAME COLUMN x TO x_coordinate;
ALTER TABLE landings RENAME COLUMN y TO y_coordinate;
ALTER TABLE landings RENAME COLUMN z TO z_coordinate;
ALTER TABLE landings RENAME COLUMN event_time TO event_timestamp;

-- kill_positions -----------------------------------------------------------------------------------
-- zones were comma lists; the live columns are JSON arrays of region names
ALTER TABLE kill_positions RENAME COLUMN victim_x TO victim_x_location;
ALTER TABLE kill_positions RENAME COLUMN victim_y TO victim_y_location;
ALTER TABLE kill_positions RENAME COLUMN victim_z TO victim_z_location;
ALTER TABLE kill_positions RENAME COLUMN victim_zone TO killed_in_zone;
ALTER TABLE kill_positions RENAME COLUMN dbno_maker_x TO dbno_maker_x_location;
ALTER TABLE kill_positions RENAME COLUMN dbno_maker_y TO dbno_maker_y_location;
ALTER TABLE kill_positions RENAME COLUMN dbno_maker_z TO dbno_maker_z_location;
ALTER TABLE kill_positions RENAME COLUMN dbno_damage_causer TO dbno_damage_causer_name;
ALTER TABLE kill_positions RENAME COLUMN dbno_distance TO dbno_damage_causer_distance;
ALTER TABLE kill_positions RENAME COLUMN finisher_x TO finisher_x_location;
ALTER TABLE kill_positions RENAME COLUMN finisher_y TO finisher_y_location;
ALTER TABLE kill_positions RENAME COLUMN finisher_z TO finisher_z_location;
ALTER TABLE kill_positions RENAME COLUMN finish_damage_reason TO finisher_damage_reason;
ALTER TABLE kill_positions RENAME COLUMN finish_damage_category TO finisher_damage_category;
ALTER TABLE kill_positions RENAME COLUMN finish_damage_causer TO finisher_damage_causer_name;
ALTER TABLE kill_positions RENAME COLUMN finish_distance TO finisher_damage_causer_distance;
ALTER TABLE kill_positions RENAME COLUMN killer_x TO killer_x_location;
ALTER TABLE kill_positions RENAME COLUMN killer_y TO killer_y_location;
ALTER TABLE kill_positions RENAME COLUMN killer_z TO killer_z_location;
ALTER TABLE kill_positions RENAME COLUMN killer_damage_causer TO killer_damage_causer_name;
ALTER TABLE kill_positions RENAME COLUMN killer_distance TO killer_damage_causer_distance;
ALTER TABLE kill_positions RENAME COLUMN event_time TO event_timestamp;
ALTER TABLE kill_positions
    ALTER COLUMN killed_in_zone TYPE JSONB USING to_jsonb(string_to_array(killed_in_zone, ',')),
    ALTER COLUMN dbno_maker_zone TYPE JSONB USING to_jsonb(string_to_array(dbno_maker_zone, ',')),
    ALTER COLUMN finisher_zone TYPE JSONB USING to_jsonb(string_to_array(finisher_zone, ','));
ALTER TABLE kill_positions
    ADD COLUMN victim_in_vehicle  BOOLEAN,
    ADD COLUMN dbno_maker_team_id INTEGER,
    ADD COLUMN finisher_team_id   INTEGER,
    ADD COLUMN game_type          TEXT;
CREATE INDEX kill_positions_match_victim_team_idx ON kill_positions (match_id, victim_team_id);

-- player_damage_events -----------------------------------------------------------------------------
ALTER TABLE player_damage_events RENAME COLUMN attacker_x TO attacker_location_x;
ALTER TABLE player_damage_events RENAME COLUMN attacker_y TO attacker_location_y;
ALTER TABLE player_damage_events RENAME COLUMN attacker_z TO attacker_location_z;
ALTER TABLE player_damage_events RENAME COLUMN victim_x TO victim_location_x;
ALTER TABLE player_damage_events RENAME COLUMN victim_y TO victim_location_y;
ALTER TABLE player_damage_events RENAME COLUMN victim_z TO victim_location_z;
ALTER TABLE player_damage_events RENAME COLUMN event_time TO event_timestamp;
CREATE INDEX player_damage_events_aggregation_idx
    ON player_damage_events (match_id, attacker_name, weapon_id, damage_reason);

-- weapon_kill_events -------------------------------------------------------------------------------
-- A row is one event: a knock (is_knock_down) or a kill (is_kill); event_type says the same in one word.
ALTER TABLE weapon_kill_events RENAME COLUMN damage_type_category TO damage_type;
ALTER TABLE weapon_kill_events RENAME COLUMN victim_in_blue_zone TO is_blue_zone;
ALTER TABLE weapon_kill_events RENAME COLUMN victim_in_red_zone TO is_red_zone;
ALTER TABLE weapon_kill_events RENAME COLUMN event_time TO event_timestamp;
ALTER TABLE weapon_kill_events
    ADD COLUMN is_knock_down BOOLEAN,
    ADD COLUMN is_kill       BOOLEAN,
    ADD COLUMN match_type    TEXT,
    ADD COLUMN time_survived INTEGER;
UPDATE weapon_kill_events SET is_knock_down = (event_type = 'knock'), is_kill = (event_type = 'kill');
CREATE INDEX weapon_kill_events_match_killer_weapon_idx ON weapon_kill_events (match_id, killer_name, weapon_id);

-- circle_positions ---------------------------------------------------------------------------------
-- game_time is the live table's timestamp of the phase; the seconds since the start are elapsed_time
ALTER TABLE circle_positions RENAME COLUMN game_time TO elapsed_time;
ALTER TABLE circle_positions RENAME COLUMN event_time TO game_time;
ALTER TABLE circle_positions
    ADD COLUMN is_game    DOUBLE PRECISION,
    ADD COLUMN match_type TEXT,
    ADD COLUMN match_date TIMESTAMPTZ;

-- the live schema's per-table indexes that queries by match rely on
CREATE INDEX landings_name_idx ON landings (player_name);
CREATE INDEX kill_positions_victim_name_idx ON kill_positions (victim_name);
CREATE INDEX player_damage_events_attacker_name_idx ON player_damage_events (attacker_name);
CREATE INDEX player_damage_events_victim_name_idx ON player_damage_events (victim_name);
CREATE INDEX weapon_kill_events_killer_name_idx ON weapon_kill_events (killer_name);

-- circle_positions ids are UUIDs in the live table
ALTER TABLE circle_positions ALTER COLUMN id DROP DEFAULT;
ALTER TABLE circle_positions ALTER COLUMN id TYPE UUID USING gen_random_uuid();
ALTER TABLE circle_positions ALTER COLUMN id SET DEFAULT gen_random_uuid();
DROP SEQUENCE IF EXISTS circle_positions_id_seq;
