-- Players tracked by the hub. player_id is the PUBG account id (account.<hex>); a row added by name
-- only keeps a placeholder id until discovery resolves it.
CREATE TABLE players (
    player_id        TEXT PRIMARY KEY,
    player_name      TEXT NOT NULL,
    platform         TEXT NOT NULL DEFAULT 'steam',
    tracking_enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX players_name_idx ON players (player_name);

-- The order statuses move in; failed and skipped end a match.
CREATE FUNCTION match_status_rank(status TEXT) RETURNS INT
    LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE status
        WHEN 'discovered' THEN 1 WHEN 'summarized' THEN 2 WHEN 'downloaded' THEN 3
        WHEN 'completed' THEN 4 WHEN 'failed' THEN 5 WHEN 'skipped' THEN 5 END
$$;

CREATE TABLE matches (
    match_id            TEXT PRIMARY KEY,
    map_name            TEXT,
    game_mode           TEXT,
    game_type           TEXT,
    match_datetime      TIMESTAMPTZ,
    duration            INTEGER,
    is_custom_match     BOOLEAN,
    shard_id            TEXT,
    season_state        TEXT,
    title_id            TEXT,
    telemetry_url       TEXT,
    status              TEXT NOT NULL DEFAULT 'discovered'
        CHECK (status IN ('discovered', 'summarized', 'downloaded', 'completed', 'failed', 'skipped')),
    error_message       TEXT,
    landings_processed  BOOLEAN NOT NULL DEFAULT FALSE,
    kills_processed     BOOLEAN NOT NULL DEFAULT FALSE,
    damage_processed    BOOLEAN NOT NULL DEFAULT FALSE,
    weapons_processed   BOOLEAN NOT NULL DEFAULT FALSE,
    circles_processed   BOOLEAN NOT NULL DEFAULT FALSE,
    attempts            INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX matches_status_updated_idx ON matches (status, updated_at);
CREATE INDEX matches_datetime_idx ON matches (match_datetime);

-- One row per participant of a match.
CREATE TABLE match_summaries (
    id               BIGSERIAL PRIMARY KEY,
    match_id         TEXT NOT NULL REFERENCES matches (match_id),
    participant_id   TEXT NOT NULL,
    player_id        TEXT NOT NULL,
    player_name      TEXT,
    is_bot           BOOLEAN NOT NULL DEFAULT FALSE,
    team_id          INTEGER,
    team_rank        INTEGER,
    won              BOOLEAN,
    map_name         TEXT,
    game_mode        TEXT,
    game_type        TEXT,
    match_datetime   TIMESTAMPTZ,
    shard_id         TEXT,
    season_state     TEXT,
    title_id         TEXT,
    dbnos            INTEGER,
    assists          INTEGER,
    boosts           INTEGER,
    heals            INTEGER,
    damage_dealt     DOUBLE PRECISION,
    death_type       TEXT,
    headshot_kills   INTEGER,
    kill_place       INTEGER,
    kill_streaks     INTEGER,
    kills            INTEGER,
    longest_kill     DOUBLE PRECISION,
    revives          INTEGER,
    ride_distance    DOUBLE PRECISION,
    road_kills       INTEGER,
    swim_distance    DOUBLE PRECISION,
    team_kills       INTEGER,
    time_survived    DOUBLE PRECISION,
    vehicle_destroys INTEGER,
    walk_distance    DOUBLE PRECISION,
    weapons_acquired INTEGER,
    win_place        INTEGER,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, participant_id)
);
CREATE INDEX match_summaries_player_idx ON match_summaries (player_id);
