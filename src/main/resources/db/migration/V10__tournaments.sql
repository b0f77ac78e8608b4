-- The live PewStats system's tournament tables (../shared/reference/pewstats-tables.md, migrations 001-003,
-- 007, 011 of the live system): tournaments, their seasons and rounds, teams and rosters, one row per
-- participant of a tournament match, scheduled slots and admin overrides, and standings snapshots.
-- Created when missing; a live database's own tables are used as they are. Round match counts, round
-- status and standings are kept by the tournament-discovery route (routes/tournament-discovery.camel.yaml),
-- not by triggers. tournament_sampling is the hub's own: the sampling state the live service lost.

CREATE TABLE IF NOT EXISTS tournaments (
    id              SERIAL PRIMARY KEY,
    tournament_name VARCHAR(100) NOT NULL,
    tournament_code VARCHAR(20) NOT NULL,
    description     TEXT,
    status          VARCHAR(20) NOT NULL DEFAULT 'active',
    notes           TEXT,
    created_at      TIMESTAMP DEFAULT now(),
    updated_at      TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_tournament_code UNIQUE (tournament_code),
    CONSTRAINT unique_tournament_name UNIQUE (tournament_name),
    CONSTRAINT valid_tournament_status CHECK (status IN ('upcoming', 'active', 'completed', 'cancelled'))
);

CREATE TABLE IF NOT EXISTS tournament_seasons (
    id            SERIAL PRIMARY KEY,
    season_name   VARCHAR(100) NOT NULL,
    season_code   VARCHAR(20) NOT NULL,
    start_date    DATE NOT NULL,
    end_date      DATE NOT NULL,
    status        VARCHAR(20) NOT NULL DEFAULT 'upcoming',
    points_config JSONB,
    description   TEXT,
    notes         TEXT,
    created_at    TIMESTAMP DEFAULT now(),
    updated_at    TIMESTAMP DEFAULT now(),
    tournament_id INTEGER REFERENCES tournaments (id) ON DELETE CASCADE,
    CONSTRAINT unique_season_code UNIQUE (season_code),
    CONSTRAINT valid_date_range CHECK (end_date >= start_date),
    CONSTRAINT valid_status CHECK (status IN ('upcoming', 'active', 'completed', 'cancelled'))
);

CREATE TABLE IF NOT EXISTS tournament_rounds (
    id               SERIAL PRIMARY KEY,
    season_id        INTEGER NOT NULL REFERENCES tournament_seasons (id) ON DELETE CASCADE,
    round_number     INTEGER NOT NULL,
    round_name       VARCHAR(100),
    division         VARCHAR(50) NOT NULL,
    group_name       VARCHAR(50),
    start_date       DATE NOT NULL,
    end_date         DATE NOT NULL,
    status           VARCHAR(20) NOT NULL DEFAULT 'scheduled',
    expected_matches INTEGER DEFAULT 6,
    actual_matches   INTEGER DEFAULT 0,
    description      TEXT,
    notes            TEXT,
    created_at       TIMESTAMP DEFAULT now(),
    updated_at       TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_season_division_group UNIQUE (season_id, round_number, division, group_name),
    CONSTRAINT valid_date_range CHECK (end_date >= start_date),
    CONSTRAINT valid_status CHECK (status IN ('scheduled', 'active', 'completed', 'cancelled'))
);

CREATE TABLE IF NOT EXISTS teams (
    id          SERIAL PRIMARY KEY,
    team_name   VARCHAR(100) NOT NULL,
    division    VARCHAR(50),
    group_name  VARCHAR(50),
    team_number INTEGER,
    is_active   BOOLEAN DEFAULT TRUE,
    notes       TEXT,
    created_at  TIMESTAMP DEFAULT now(),
    updated_at  TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_team_name UNIQUE (team_name)
);

CREATE TABLE IF NOT EXISTS tournament_players (
    id                SERIAL PRIMARY KEY,
    player_id         VARCHAR(100) NOT NULL,
    team_id           INTEGER REFERENCES teams (id) ON DELETE CASCADE,
    preferred_team    BOOLEAN DEFAULT FALSE,
    is_primary_sample BOOLEAN DEFAULT FALSE,
    sample_priority   INTEGER DEFAULT 100,
    player_role       VARCHAR(50),
    joined_at         TIMESTAMP DEFAULT now(),
    is_active         BOOLEAN DEFAULT TRUE,
    notes             TEXT,
    CONSTRAINT unique_player_team UNIQUE (player_id, team_id)
);

CREATE TABLE IF NOT EXISTS tournament_matches (
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
CREATE INDEX IF NOT EXISTS tournament_matches_match_idx ON tournament_matches (match_id);
CREATE INDEX IF NOT EXISTS tournament_matches_player_idx ON tournament_matches (player_name);
CREATE INDEX IF NOT EXISTS tournament_matches_round_idx ON tournament_matches (round_id);

CREATE TABLE IF NOT EXISTS tournament_scheduled_matches (
    id                 SERIAL PRIMARY KEY,
    round_id           INTEGER NOT NULL REFERENCES tournament_rounds (id) ON DELETE CASCADE,
    match_number       INTEGER NOT NULL,
    scheduled_datetime TIMESTAMP WITH TIME ZONE,
    map_name           VARCHAR(50),
    actual_match_id    VARCHAR(255) REFERENCES matches (match_id) ON DELETE SET NULL,
    status             VARCHAR(20) DEFAULT 'scheduled',
    is_remake          BOOLEAN DEFAULT FALSE,
    original_match_id  VARCHAR(255),
    remake_reason      TEXT,
    created_by         VARCHAR(100),
    created_at         TIMESTAMP DEFAULT now(),
    updated_at         TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_match_number UNIQUE (round_id, match_number),
    CONSTRAINT valid_status CHECK (status IN ('scheduled', 'in_progress', 'completed', 'cancelled'))
);

CREATE TABLE IF NOT EXISTS tournament_match_overrides (
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

CREATE TABLE IF NOT EXISTS tournament_team_standings_history (
    id                SERIAL PRIMARY KEY,
    round_id          INTEGER NOT NULL REFERENCES tournament_rounds (id) ON DELETE CASCADE,
    team_id           INTEGER NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    rank              INTEGER,
    total_points      INTEGER,
    total_kills       INTEGER,
    wwcd              INTEGER,
    matches_played    INTEGER,
    avg_placement     NUMERIC(10, 2),
    recent_placements INTEGER[],
    snapshot_datetime TIMESTAMP DEFAULT now(),
    CONSTRAINT unique_round_team_snapshot UNIQUE (round_id, team_id)
);

-- The hub's own: per lobby (division and group), how many players a run samples and how many runs in a
-- row found nothing (adaptive sampling: tournament.sample-* settings). Kept between runs and restarts.
CREATE TABLE IF NOT EXISTS tournament_sampling (
    division    VARCHAR(50) NOT NULL,
    group_name  VARCHAR(50) NOT NULL DEFAULT '',
    sample_size INTEGER NOT NULL,
    empty_runs  INTEGER NOT NULL DEFAULT 0,
    last_run_at TIMESTAMPTZ,
    last_found_at TIMESTAMPTZ,
    PRIMARY KEY (division, group_name)
);

-- The hub's own: matches tournament discovery fetched and found not to be tournament matches (another mode,
-- not custom, outside every season), so they are not fetched again each run (the live service did).
CREATE TABLE IF NOT EXISTS tournament_rejected_matches (
    match_id    VARCHAR(100) PRIMARY KEY,
    reason      TEXT NOT NULL,
    rejected_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
