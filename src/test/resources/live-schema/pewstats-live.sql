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

-- the career aggregates (DDL not in the live repository: types as the live worker's statements imply)
CREATE TABLE player_damage_stats (
    player_name      VARCHAR(100) NOT NULL,
    weapon_id        VARCHAR(100) NOT NULL,
    damage_reason    VARCHAR(50) NOT NULL,
    match_type       VARCHAR(20) NOT NULL,
    total_damage     DOUBLE PRECISION DEFAULT 0,
    total_hits       INTEGER DEFAULT 0,
    stats_updated_at TIMESTAMP DEFAULT now(),
    UNIQUE (player_name, weapon_id, damage_reason, match_type)
);

CREATE TABLE player_weapon_stats (
    player_name         VARCHAR(100) NOT NULL,
    weapon_id           VARCHAR(100) NOT NULL,
    match_type          VARCHAR(20) NOT NULL,
    total_kills         INTEGER DEFAULT 0,
    headshot_kills      INTEGER DEFAULT 0,
    knock_downs         INTEGER DEFAULT 0,
    total_kill_distance DOUBLE PRECISION DEFAULT 0,
    longest_kill        DOUBLE PRECISION,
    close_range_kills   INTEGER DEFAULT 0,
    mid_range_kills     INTEGER DEFAULT 0,
    long_range_kills    INTEGER DEFAULT 0,
    stats_updated_at    TIMESTAMP DEFAULT now(),
    UNIQUE (player_name, weapon_id, match_type)
);

CREATE TABLE player_advanced_career_stats (
    id                            SERIAL PRIMARY KEY,
    player_name                   VARCHAR(100) NOT NULL,
    match_type                    VARCHAR(50) NOT NULL,
    total_killsteals              INTEGER DEFAULT 0,
    total_heals_used              INTEGER DEFAULT 0,
    total_boosts_used             INTEGER DEFAULT 0,
    total_throwables_used         INTEGER DEFAULT 0,
    total_smokes_thrown           INTEGER DEFAULT 0,
    total_throwable_damage        NUMERIC(10,2) DEFAULT 0,
    total_damage_received         NUMERIC(10,2) DEFAULT 0,
    avg_distance_from_center      NUMERIC(10,2),
    avg_distance_from_edge        NUMERIC(10,2),
    avg_time_outside_zone_seconds NUMERIC(10,2),
    matches_played                INTEGER DEFAULT 0,
    matches_with_circle_data      INTEGER DEFAULT 0,
    last_updated_at               TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_player_match_type UNIQUE (player_name, match_type),
    CONSTRAINT valid_match_type CHECK (match_type IN ('ranked', 'normal', 'tournament', 'all'))
);

CREATE TABLE ranked_player_stats (
    id                  SERIAL PRIMARY KEY,
    player_id           VARCHAR(100) NOT NULL,
    player_name         VARCHAR(100) NOT NULL,
    season_id           VARCHAR(100) NOT NULL,
    game_mode           VARCHAR(20) NOT NULL,
    current_tier        VARCHAR(20),
    current_sub_tier    VARCHAR(5),
    current_rank_point  INTEGER,
    best_tier           VARCHAR(20),
    best_sub_tier       VARCHAR(5),
    best_rank_point     INTEGER,
    rounds_played       INTEGER,
    wins                INTEGER,
    kills               INTEGER,
    deaths              INTEGER,
    assists             INTEGER,
    damage_dealt        NUMERIC(12,2),
    dbnos               INTEGER,
    avg_rank            VARCHAR(50),
    top10_ratio         NUMERIC(8,6),
    win_ratio           NUMERIC(8,6),
    kda                 NUMERIC(8,6),
    kdr                 NUMERIC(8,6),
    headshot_kills      INTEGER,
    headshot_kill_ratio NUMERIC(8,6),
    longest_kill        NUMERIC(8,2),
    collected_at        TIMESTAMP,
    updated_at          TIMESTAMP WITH TIME ZONE DEFAULT now(),
    UNIQUE (player_id, season_id, game_mode)
);

-- the tournament tables (live migrations 001-003, 007, 011)
CREATE TABLE teams (
    id          SERIAL PRIMARY KEY,
    team_name   VARCHAR(100) NOT NULL,
    division    VARCHAR(50),
    group_name  VARCHAR(50),
    team_number INTEGER,
    is_active   BOOLEAN DEFAULT true,
    notes       TEXT,
    created_at  TIMESTAMP DEFAULT now(),
    updated_at  TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_team_name UNIQUE (team_name)
);

CREATE TABLE tournament_players (
    id                SERIAL PRIMARY KEY,
    player_id         VARCHAR(100) NOT NULL,
    team_id           INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    preferred_team    BOOLEAN DEFAULT false,
    is_primary_sample BOOLEAN DEFAULT false,
    sample_priority   INTEGER DEFAULT 999,
    player_role       VARCHAR(50),
    joined_at         TIMESTAMP DEFAULT now(),
    is_active         BOOLEAN DEFAULT true,
    notes             TEXT,
    CONSTRAINT unique_player_team UNIQUE (player_id, team_id)
);

CREATE TABLE tournaments (
    id              SERIAL PRIMARY KEY,
    tournament_name VARCHAR(100) NOT NULL,
    tournament_code VARCHAR(20) NOT NULL,
    description     TEXT,
    status          VARCHAR(20) DEFAULT 'active',
    notes           TEXT,
    created_at      TIMESTAMP DEFAULT now(),
    updated_at      TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_tournament_code UNIQUE (tournament_code),
    CONSTRAINT unique_tournament_name UNIQUE (tournament_name)
);

CREATE TABLE tournament_seasons (
    id            SERIAL PRIMARY KEY,
    season_name   VARCHAR(100) NOT NULL,
    season_code   VARCHAR(20) NOT NULL,
    start_date    DATE NOT NULL,
    end_date      DATE NOT NULL,
    status        VARCHAR(20) DEFAULT 'upcoming',
    points_config JSONB,
    description   TEXT,
    notes         TEXT,
    created_at    TIMESTAMP DEFAULT now(),
    updated_at    TIMESTAMP DEFAULT now(),
    tournament_id INTEGER REFERENCES tournaments (id),
    CONSTRAINT unique_season_code UNIQUE (season_code),
    CONSTRAINT valid_date_range CHECK (end_date >= start_date)
);

CREATE TABLE tournament_rounds (
    id               SERIAL PRIMARY KEY,
    season_id        INTEGER NOT NULL REFERENCES tournament_seasons (id) ON DELETE CASCADE,
    round_number     INTEGER NOT NULL,
    round_name       VARCHAR(100),
    division         VARCHAR(50) NOT NULL,
    group_name       VARCHAR(50),
    start_date       DATE NOT NULL,
    end_date         DATE NOT NULL,
    status           VARCHAR(20) DEFAULT 'scheduled',
    expected_matches INTEGER DEFAULT 6,
    actual_matches   INTEGER DEFAULT 0,
    description      TEXT,
    notes            TEXT,
    created_at       TIMESTAMP DEFAULT now(),
    updated_at       TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_season_division_group UNIQUE (season_id, round_number, division, group_name)
);

CREATE TABLE tournament_matches (
    id                SERIAL PRIMARY KEY,
    match_id          VARCHAR(100) NOT NULL,
    match_datetime    TIMESTAMP NOT NULL,
    map_name          VARCHAR(50),
    game_mode         VARCHAR(50),
    match_type        VARCHAR(50),
    duration          INTEGER,
    is_custom_match   BOOLEAN,
    shard_id          VARCHAR(20),
    roster_id         VARCHAR(100),
    pubg_team_id      INTEGER,
    team_rank         INTEGER,
    team_won          BOOLEAN,
    participant_id    VARCHAR(100),
    player_account_id VARCHAR(100),
    player_name       VARCHAR(100) NOT NULL,
    kills             INTEGER,
    damage_dealt      DECIMAL(10, 2),
    dbnos             INTEGER,
    assists           INTEGER,
    headshot_kills    INTEGER,
    longest_kill      DECIMAL(10, 2),
    revives           INTEGER,
    heals             INTEGER,
    boosts            INTEGER,
    walk_distance     DECIMAL(10, 2),
    ride_distance     DECIMAL(10, 2),
    swim_distance     DECIMAL(10, 2),
    time_survived     INTEGER,
    death_type        VARCHAR(50),
    win_place         INTEGER,
    kill_place        INTEGER,
    weapons_acquired  INTEGER,
    vehicle_destroys  INTEGER,
    road_kills        INTEGER,
    team_kills        INTEGER,
    kill_streaks      INTEGER,
    team_id           INTEGER REFERENCES teams (id) ON DELETE SET NULL,
    discovered_at     TIMESTAMP DEFAULT now(),
    round_id          INTEGER REFERENCES tournament_rounds (id) ON DELETE SET NULL,
    CONSTRAINT unique_match_participant UNIQUE (match_id, participant_id)
);

CREATE TABLE tournament_scheduled_matches (
    id                 SERIAL PRIMARY KEY,
    round_id           INTEGER NOT NULL REFERENCES tournament_rounds (id) ON DELETE CASCADE,
    match_number       INTEGER NOT NULL,
    scheduled_datetime TIMESTAMP WITH TIME ZONE,
    map_name           VARCHAR(50),
    actual_match_id    VARCHAR(255) REFERENCES matches (match_id) ON DELETE SET NULL,
    status             VARCHAR(20) DEFAULT 'scheduled',
    is_remake          BOOLEAN DEFAULT false,
    original_match_id  VARCHAR(255),
    remake_reason      TEXT,
    created_by         VARCHAR(100),
    created_at         TIMESTAMP DEFAULT now(),
    updated_at         TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_match_number UNIQUE (round_id, match_number)
);

CREATE TABLE tournament_match_overrides (
    id                           SERIAL PRIMARY KEY,
    match_id                     VARCHAR(255) UNIQUE REFERENCES matches (match_id) ON DELETE CASCADE,
    override_round_id            INTEGER REFERENCES tournament_rounds (id) ON DELETE SET NULL,
    override_schedule_match_id   INTEGER REFERENCES tournament_scheduled_matches (id) ON DELETE SET NULL,
    override_is_tournament_match BOOLEAN,
    override_validation_status   VARCHAR(50),
    override_reason              TEXT,
    admin_user                   VARCHAR(100),
    admin_notes                  TEXT,
    created_at                   TIMESTAMP DEFAULT now(),
    updated_at                   TIMESTAMP DEFAULT now()
);

CREATE TABLE tournament_team_standings_history (
    id                SERIAL PRIMARY KEY,
    round_id          INTEGER NOT NULL REFERENCES tournament_rounds (id) ON DELETE CASCADE,
    team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    rank              INTEGER,
    total_points      INTEGER,
    total_kills       INTEGER,
    wwcd              INTEGER,
    matches_played    INTEGER,
    avg_placement     NUMERIC(10,2),
    recent_placements INTEGER[],
    snapshot_datetime TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_team_snapshot UNIQUE (round_id, team_id)
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

-- the career, ranked and tournament rows the live collectors left
INSERT INTO player_weapon_stats (player_name, weapon_id, match_type, total_kills, headshot_kills, knock_downs,
                                 total_kill_distance, longest_kill) VALUES ('LegacyPlayer', 'WeapAK47_C', 'all', 12, 0, 7, 0, NULL);
INSERT INTO ranked_player_stats (player_id, player_name, season_id, game_mode, current_tier, kda, collected_at)
VALUES ('account.legacy0001', 'LegacyPlayer', 'division.bro.official.pc-2018-40', 'squad', 'Gold', 2.5, now());
INSERT INTO tournaments (tournament_name, tournament_code) VALUES ('Legacy League', 'LL');
INSERT INTO tournament_seasons (season_name, season_code, start_date, end_date, status, tournament_id)
VALUES ('Fall 2025', 'LL-F25', '2025-10-13', '2025-12-20', 'active', 1);
INSERT INTO teams (team_name, division, team_number) VALUES ('Legacy Lions', 'Div 1', 4);
INSERT INTO tournament_players (player_id, team_id, preferred_team, is_primary_sample) VALUES ('LegacyPlayer', 1, true, true);
