-- The live PewStats database as the Python collectors left it, written for the adoption test from
-- ../shared/reference/pewstats-tables.md and pewstats-live-system.md §2: their column names and types,
-- no unique keys on the telemetry tables, NOT NULL where the live DDL has it. A few rows per table,
-- with exact duplicates where the live code made them (re-runs of plain INSERTs).

CREATE TABLE players (
    player_id        VARCHAR(255) PRIMARY KEY,
    player_name      VARCHAR(100) NOT NULL,
    platform         VARCHAR(50) DEFAULT 'steam',
    tracking_enabled BOOLEAN NOT NULL DEFAULT true,
    discord_id       VARCHAR(255) UNIQUE,
    created_at       TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at       TIMESTAMP DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE matches (
    match_id               VARCHAR(255) PRIMARY KEY,
    map_name               VARCHAR(100) NOT NULL,
    game_mode              VARCHAR(100) NOT NULL,
    match_datetime         TIMESTAMP NOT NULL,
    start_time             TIMESTAMP,
    telemetry_url          TEXT,
    game_type              VARCHAR(100) DEFAULT 'unknown',
    status                 VARCHAR(50) DEFAULT 'discovered',
    error_message          TEXT,
    landings_processed     BOOLEAN DEFAULT false,
    kills_processed        BOOLEAN DEFAULT false,
    circles_processed      BOOLEAN DEFAULT false,
    weapons_processed      BOOLEAN DEFAULT false,
    damage_processed       BOOLEAN DEFAULT false,
    created_at             TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at             TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    finishing_processed    BOOLEAN DEFAULT FALSE,
    fights_processed       BOOLEAN DEFAULT FALSE,
    is_tournament_match    BOOLEAN DEFAULT FALSE,
    round_id               INTEGER,
    schedule_match_id      INTEGER,
    discovered_by          VARCHAR(50),
    discovery_priority     VARCHAR(20) DEFAULT 'normal',
    validation_status      VARCHAR(50),
    team_count             INTEGER,
    unmatched_player_count INTEGER,
    stats_aggregated       BOOLEAN DEFAULT FALSE,
    stats_aggregated_at    TIMESTAMP
);

CREATE TABLE match_summaries (
    id                        SERIAL PRIMARY KEY,
    match_id                  VARCHAR(255) NOT NULL,
    participant_id            VARCHAR(255) NOT NULL,
    player_id                 VARCHAR(255) NOT NULL,
    player_name               VARCHAR(100) NOT NULL,
    team_id                   INTEGER,
    team_rank                 INTEGER,
    won                       BOOLEAN DEFAULT false,
    map_name                  VARCHAR(50),
    game_mode                 VARCHAR(50),
    match_duration            INTEGER,
    match_datetime            TIMESTAMP,
    shard_id                  VARCHAR(20),
    is_custom_match           BOOLEAN DEFAULT false,
    match_type                VARCHAR(50),
    season_state              VARCHAR(50),
    title_id                  VARCHAR(50),
    dbnos                     INTEGER DEFAULT 0,
    assists                   INTEGER DEFAULT 0,
    kills                     INTEGER DEFAULT 0,
    headshot_kills            INTEGER DEFAULT 0,
    kill_place                INTEGER,
    kill_streaks              INTEGER DEFAULT 0,
    longest_kill              NUMERIC(10,4) DEFAULT 0,
    road_kills                INTEGER DEFAULT 0,
    team_kills                INTEGER DEFAULT 0,
    damage_dealt              NUMERIC(10,4) DEFAULT 0,
    death_type                VARCHAR(50),
    time_survived             INTEGER DEFAULT 0,
    win_place                 INTEGER,
    boosts                    INTEGER DEFAULT 0,
    heals                     INTEGER DEFAULT 0,
    revives                   INTEGER DEFAULT 0,
    ride_distance             NUMERIC(10,4) DEFAULT 0,
    swim_distance             NUMERIC(10,4) DEFAULT 0,
    walk_distance             NUMERIC(10,4) DEFAULT 0,
    weapons_acquired          INTEGER DEFAULT 0,
    vehicle_destroys          INTEGER DEFAULT 0,
    created_at                TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    updated_at                TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    killsteals                INTEGER DEFAULT 0,
    heals_used                INTEGER DEFAULT 0,
    boosts_used               INTEGER DEFAULT 0,
    throwables_used           INTEGER DEFAULT 0,
    smokes_thrown             INTEGER DEFAULT 0,
    throwable_damage          NUMERIC(10,2) DEFAULT 0,
    damage_received           NUMERIC(10,2) DEFAULT 0,
    avg_distance_from_center  NUMERIC(10,2),
    avg_distance_from_edge    NUMERIC(10,2),
    max_distance_from_center  NUMERIC(10,2),
    min_distance_from_edge    NUMERIC(10,2),
    time_outside_zone_seconds INTEGER,
    UNIQUE (match_id, participant_id)
);

CREATE TABLE landings (
    match_id       TEXT,
    player_id      TEXT,
    player_name    TEXT,
    team_id        INTEGER,
    x_coordinate   DOUBLE PRECISION,
    y_coordinate   DOUBLE PRECISION,
    z_coordinate   DOUBLE PRECISION,
    is_game        DOUBLE PRECISION,
    map_name       TEXT,
    game_type      TEXT,
    game_mode      TEXT,
    match_datetime TIMESTAMP WITH TIME ZONE
);

CREATE TABLE kill_positions (
    match_id                        VARCHAR(255) NOT NULL,
    attack_id                       VARCHAR(255),
    dbno_id                         VARCHAR(255),
    victim_name                     VARCHAR(255),
    victim_team_id                  INTEGER,
    victim_x_location               NUMERIC,
    victim_y_location               NUMERIC,
    victim_z_location               NUMERIC,
    victim_in_blue_zone             BOOLEAN,
    victim_in_vehicle               BOOLEAN,
    killed_in_zone                  JSONB,
    dbno_maker_name                 VARCHAR(255),
    dbno_maker_team_id              INTEGER,
    dbno_maker_x_location           NUMERIC,
    dbno_maker_y_location           NUMERIC,
    dbno_maker_z_location           NUMERIC,
    dbno_maker_zone                 JSONB,
    dbno_damage_reason              VARCHAR(255),
    dbno_damage_category            VARCHAR(255),
    dbno_damage_causer_name         VARCHAR(255),
    dbno_damage_causer_distance     NUMERIC,
    finisher_name                   VARCHAR(255),
    finisher_team_id                INTEGER,
    finisher_x_location             NUMERIC,
    finisher_y_location             NUMERIC,
    finisher_z_location             NUMERIC,
    finisher_zone                   JSONB,
    finisher_damage_reason          VARCHAR(255),
    finisher_damage_category        VARCHAR(255),
    finisher_damage_causer_name     VARCHAR(255),
    finisher_damage_causer_distance NUMERIC,
    is_game                         NUMERIC,
    map_name                        VARCHAR(255),
    game_type                       VARCHAR(255),
    game_mode                       VARCHAR(255),
    match_datetime                  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE player_damage_events (
    id                   SERIAL PRIMARY KEY,
    match_id             VARCHAR(255) NOT NULL,
    attacker_name        VARCHAR(255),
    attacker_team_id     INTEGER,
    attacker_health      INTEGER,
    attacker_location_x  REAL,
    attacker_location_y  REAL,
    attacker_location_z  REAL,
    victim_name          VARCHAR(255),
    victim_team_id       INTEGER,
    victim_health        INTEGER,
    victim_location_x    REAL,
    victim_location_y    REAL,
    victim_location_z    REAL,
    damage_type_category VARCHAR(255),
    damage_reason        VARCHAR(255),
    damage               REAL,
    weapon_id            VARCHAR(255),
    event_timestamp      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE weapon_kill_events (
    match_id          VARCHAR(255) NOT NULL,
    event_timestamp   TIMESTAMP WITH TIME ZONE NOT NULL,
    killer_name       VARCHAR(100) NOT NULL,
    killer_team_id    INTEGER,
    killer_x          NUMERIC(10,2),
    killer_y          NUMERIC(10,2),
    killer_z          NUMERIC(10,2),
    killer_in_vehicle BOOLEAN,
    victim_name       VARCHAR(100) NOT NULL,
    victim_team_id    INTEGER,
    victim_x          NUMERIC(10,2),
    victim_y          NUMERIC(10,2),
    victim_z          NUMERIC(10,2),
    victim_in_vehicle BOOLEAN,
    weapon_id         VARCHAR(100) NOT NULL,
    damage_type       VARCHAR(50),
    damage_reason     VARCHAR(50),
    distance          NUMERIC(10,2),
    is_knock_down     BOOLEAN,
    is_kill           BOOLEAN,
    map_name          VARCHAR(50),
    game_mode         VARCHAR(50),
    match_type        VARCHAR(50),
    zone_phase        INTEGER,
    time_survived     INTEGER,
    is_blue_zone      BOOLEAN,
    is_red_zone       BOOLEAN,
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT now()
);

CREATE TABLE circle_positions (
    id         UUID PRIMARY KEY,
    match_id   VARCHAR(100),
    phase_num  INTEGER,
    center_x   DOUBLE PRECISION,
    center_y   DOUBLE PRECISION,
    radius     DOUBLE PRECISION,
    is_game    DOUBLE PRECISION,
    map_name   VARCHAR(50),
    match_type VARCHAR(20),
    match_date TIMESTAMP,
    game_time  TIMESTAMP,
    created_at TIMESTAMP,
    UNIQUE (match_id, phase_num)
);

-- the analytics tables as the live migrations create them (a subset of their columns; the hub adds the rest)
CREATE TABLE player_knock_events (
    id                        SERIAL PRIMARY KEY,
    match_id                  VARCHAR(255) NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
    dbno_id                   BIGINT,
    attacker_name             VARCHAR(100),
    victim_name               VARCHAR(100),
    knock_distance            NUMERIC(10, 2),
    nearest_teammate_distance NUMERIC(10, 2),
    teammate_positions        JSONB,
    outcome                   VARCHAR(20),
    finisher_name             VARCHAR(100),
    time_to_finish            NUMERIC(8, 2),
    event_timestamp           TIMESTAMP,
    created_at                TIMESTAMP DEFAULT now()
);

CREATE TABLE player_finishing_summary (
    id                    SERIAL PRIMARY KEY,
    match_id              VARCHAR(255) NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
    player_name           VARCHAR(100),
    total_knocks          INTEGER,
    knocks_converted_self INTEGER,
    finishing_rate        NUMERIC(5, 2),
    created_at            TIMESTAMP DEFAULT now(),
    UNIQUE (match_id, player_name)
);

CREATE TABLE player_match_weapon_distribution (
    id              SERIAL PRIMARY KEY,
    match_id        VARCHAR(255) NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
    player_name     VARCHAR(100),
    weapon_category VARCHAR(50),
    total_damage    NUMERIC(10, 2),
    total_kills     INTEGER,
    knock_downs     INTEGER,
    created_at      TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_match_player_category UNIQUE (match_id, player_name, weapon_category)
);

CREATE TABLE player_circle_positions (
    id                   SERIAL PRIMARY KEY,
    match_id             VARCHAR(255) NOT NULL REFERENCES matches (match_id) ON DELETE CASCADE,
    player_name          VARCHAR(100),
    elapsed_time         INTEGER,
    player_x             NUMERIC(10, 2),
    player_y             NUMERIC(10, 2),
    distance_from_center NUMERIC(10, 2),
    distance_from_edge   NUMERIC(10, 2),
    is_in_safe_zone      BOOLEAN,
    created_at           TIMESTAMP DEFAULT now()
);

-- the fight tables as the live migrations create them (a subset of their columns; the hub adds the rest)
CREATE TABLE team_fights (
    id               SERIAL PRIMARY KEY,
    match_id         VARCHAR(255) NOT NULL,
    fight_start_time TIMESTAMP NOT NULL,
    fight_end_time   TIMESTAMP NOT NULL,
    duration_seconds NUMERIC(10, 2),
    team_ids         INTEGER[],
    outcome          VARCHAR(50),
    team_outcomes    JSONB,
    total_damage     NUMERIC(10, 2) DEFAULT 0,
    created_at       TIMESTAMP DEFAULT now()
);

CREATE TABLE fight_participants (
    id          SERIAL PRIMARY KEY,
    fight_id    INTEGER NOT NULL REFERENCES team_fights (id),
    match_id    VARCHAR(255),
    player_name VARCHAR(100) NOT NULL,
    team_id     INTEGER NOT NULL,
    survived    BOOLEAN DEFAULT TRUE,
    created_at  TIMESTAMP DEFAULT now()
);

-- a live table the hub does not write: adoption leaves it as it is
CREATE TABLE worker_status (
    id              SERIAL PRIMARY KEY,
    worker_id       VARCHAR(100) UNIQUE,
    worker_type     VARCHAR(50),
    status          VARCHAR(20),
    last_heartbeat  TIMESTAMP,
    processed_count INTEGER,
    error_count     INTEGER,
    current_task    TEXT,
    metadata        JSONB
);

-- rows ---------------------------------------------------------------------------------------------
INSERT INTO players (player_id, player_name, discord_id) VALUES ('account.legacy0001', 'LegacyPlayer', '123456789');

INSERT INTO matches (match_id, map_name, game_mode, match_datetime, telemetry_url, game_type, status,
                     landings_processed, kills_processed, weapons_processed, damage_processed) VALUES
    ('legacy-match-1', 'Erangel (Remastered)', 'squad-fpp', '2025-09-01 20:00:00', 'https://telemetry-cdn.pubg.com/x.json',
     'official', 'completed', true, true, true, true),
    ('legacy-match-2', 'Miramar', 'squad-fpp', '2025-09-02 20:00:00', NULL, 'arcade', 'processing', false, false, false, false);

INSERT INTO match_summaries (match_id, participant_id, player_id, player_name, team_id, team_rank, won, map_name,
                             game_mode, match_type, kills, damage_dealt, time_survived) VALUES
    ('legacy-match-1', 'p-1', 'account.legacy0001', 'LegacyPlayer', 3, 1, true, 'Erangel', 'squad-fpp', 'official', 4, 412.5, 1800),
    ('legacy-match-1', 'p-2', 'ai.17', 'Bot17', 9, 20, false, 'Erangel', 'squad-fpp', 'official', 0, 0, 300);

-- landings: one row twice (1 duplicate)
INSERT INTO landings VALUES
    ('legacy-match-1', 'account.legacy0001', 'LegacyPlayer', 3, 1000.5, 2000.5, 300, 1, 'Baltic_Main', 'unknown', 'squad-fpp', '2025-09-01 20:00:00+00'),
    ('legacy-match-1', 'account.legacy0001', 'LegacyPlayer', 3, 1000.5, 2000.5, 300, 1, 'Baltic_Main', 'unknown', 'squad-fpp', '2025-09-01 20:00:00+00'),
    ('legacy-match-1', 'account.other0002', 'Other', 4, 5000, 6000, 200, 1, 'Baltic_Main', 'unknown', 'squad-fpp', '2025-09-01 20:00:00+00');

-- kill_positions: one row three times (2 duplicates)
INSERT INTO kill_positions (match_id, attack_id, victim_name, victim_team_id, victim_x_location, victim_y_location,
                            killed_in_zone, finisher_name, map_name, game_type, game_mode) VALUES
    ('legacy-match-1', '101', 'Other', 4, 10, 20, '["pochinki"]', 'LegacyPlayer', 'Baltic_Main', 'unknown', 'squad-fpp'),
    ('legacy-match-1', '101', 'Other', 4, 10, 20, '["pochinki"]', 'LegacyPlayer', 'Baltic_Main', 'unknown', 'squad-fpp'),
    ('legacy-match-1', '101', 'Other', 4, 10, 20, '["pochinki"]', 'LegacyPlayer', 'Baltic_Main', 'unknown', 'squad-fpp'),
    ('legacy-match-1', '102', 'Bot17', 9, 30, 40, '[]', 'LegacyPlayer', 'Baltic_Main', 'unknown', 'squad-fpp');

-- player_damage_events: the same event stored twice under two ids (1 duplicate)
INSERT INTO player_damage_events (match_id, attacker_name, attacker_team_id, attacker_health, victim_name, victim_team_id,
                                  victim_health, damage_type_category, damage_reason, damage, weapon_id, event_timestamp) VALUES
    ('legacy-match-1', 'LegacyPlayer', 3, 100, 'Other', 4, 80, 'Damage_Gun', 'TorsoShot', 20, 'WeapAK47_C', '2025-09-01 20:10:00+00'),
    ('legacy-match-1', 'LegacyPlayer', 3, 100, 'Other', 4, 80, 'Damage_Gun', 'TorsoShot', 20, 'WeapAK47_C', '2025-09-01 20:10:00+00'),
    ('legacy-match-1', 'Other', 4, 60, 'LegacyPlayer', 3, 100, 'Damage_Gun', 'HeadShot', 35, 'WeapM416_C', '2025-09-01 20:10:05+00');

-- weapon_kill_events: one kill twice (1 duplicate)
INSERT INTO weapon_kill_events (match_id, event_timestamp, killer_name, killer_team_id, victim_name, victim_team_id,
                                weapon_id, damage_type, damage_reason, distance, is_knock_down, is_kill, map_name, game_mode, match_type) VALUES
    ('legacy-match-1', '2025-09-01 20:11:00+00', 'LegacyPlayer', 3, 'Other', 4, 'Unknown', NULL, NULL, NULL, false, true, 'Baltic_Main', 'squad-fpp', 'unknown'),
    ('legacy-match-1', '2025-09-01 20:11:00+00', 'LegacyPlayer', 3, 'Other', 4, 'Unknown', NULL, NULL, NULL, false, true, 'Baltic_Main', 'squad-fpp', 'unknown'),
    ('legacy-match-1', '2025-09-01 20:12:00+00', 'LegacyPlayer', 3, 'Bot17', 9, 'Unknown', NULL, NULL, NULL, false, true, 'Baltic_Main', 'squad-fpp', 'unknown');

INSERT INTO circle_positions (id, match_id, phase_num, center_x, center_y, radius, map_name) VALUES
    ('6f1c1a3e-0000-4000-8000-000000000001', 'legacy-match-1', 1, 400000, 400000, 200000, 'Baltic_Main');

INSERT INTO worker_status (worker_id, worker_type, status) VALUES ('telemetry-processing-worker-1', 'telemetry', 'idle');

-- player_knock_events: one knock stored twice by two runs (1 duplicate)
INSERT INTO player_knock_events (match_id, dbno_id, attacker_name, victim_name, knock_distance, outcome, finisher_name,
                                 time_to_finish, event_timestamp, created_at) VALUES
    ('legacy-match-1', 77, 'LegacyPlayer', 'Other', 12.5, 'killed', 'LegacyPlayer', 3.2, '2025-09-01 20:10:55', '2025-09-01 21:00:00'),
    ('legacy-match-1', 77, 'LegacyPlayer', 'Other', 12.5, 'killed', 'LegacyPlayer', 3.2, '2025-09-01 20:10:55', '2025-09-02 21:00:00');

INSERT INTO player_finishing_summary (match_id, player_name, total_knocks, knocks_converted_self, finishing_rate) VALUES
    ('legacy-match-1', 'LegacyPlayer', 1, 1, 100);

INSERT INTO player_match_weapon_distribution (match_id, player_name, weapon_category, total_damage, total_kills, knock_downs) VALUES
    ('legacy-match-1', 'LegacyPlayer', 'AR', 20, 0, 1);

-- player_circle_positions: the same sample stored by two runs (1 duplicate)
INSERT INTO player_circle_positions (match_id, player_name, elapsed_time, player_x, player_y, distance_from_center,
                                     distance_from_edge, is_in_safe_zone) VALUES
    ('legacy-match-1', 'LegacyPlayer', 600, 4000, 4100, 120.5, 300.25, true),
    ('legacy-match-1', 'LegacyPlayer', 600, 4000, 4100, 120.5, 300.25, true),
    ('legacy-match-1', 'LegacyPlayer', 610, 4010, 4100, 121.5, 299.25, true);

-- team_fights: one fight stored by two runs (1 duplicate, its participant row goes with it)
INSERT INTO team_fights (id, match_id, fight_start_time, fight_end_time, duration_seconds, team_ids, outcome, team_outcomes,
                         total_damage) VALUES
    (1, 'legacy-match-1', '2025-09-01 20:10:00', '2025-09-01 20:10:40', 40, '{3,4}', 'DECISIVE_WIN', '{"3": "WON", "4": "LOST"}', 255),
    (2, 'legacy-match-1', '2025-09-01 20:10:00', '2025-09-01 20:10:40', 40, '{3,4}', 'DECISIVE_WIN', '{"3": "WON", "4": "LOST"}', 255);
SELECT setval('team_fights_id_seq', 2);
INSERT INTO fight_participants (fight_id, match_id, player_name, team_id, survived) VALUES
    (1, 'legacy-match-1', 'LegacyPlayer', 3, true),
    (2, 'legacy-match-1', 'LegacyPlayer', 3, true);
