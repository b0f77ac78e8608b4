-- Rows extracted from telemetry. Each row knows the event it came from (event_index: its position in the
-- file), so a match's rows are unique; reprocessing a match replaces them in one transaction.

-- LogParachuteLanding: where each player landed.
CREATE TABLE landings (
    id             BIGSERIAL PRIMARY KEY,
    match_id       TEXT NOT NULL REFERENCES matches (match_id),
    event_index    INTEGER NOT NULL,
    player_id      TEXT,
    player_name    TEXT,
    team_id        INTEGER,
    is_bot         BOOLEAN NOT NULL DEFAULT FALSE,
    x              DOUBLE PRECISION,
    y              DOUBLE PRECISION,
    z              DOUBLE PRECISION,
    distance       DOUBLE PRECISION,
    is_game        DOUBLE PRECISION,
    map_name       TEXT,
    game_mode      TEXT,
    game_type      TEXT,
    match_datetime TIMESTAMPTZ,
    event_time     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, event_index)
);
CREATE INDEX landings_player_idx ON landings (player_id);

-- LogPlayerKillV2 (and V1 LogPlayerKill): victim, knocker (dBNO maker), finisher and killer with their
-- positions, and the damage that knocked, finished and killed.
CREATE TABLE kill_positions (
    id                    BIGSERIAL PRIMARY KEY,
    match_id              TEXT NOT NULL REFERENCES matches (match_id),
    event_index           INTEGER NOT NULL,
    event_version         SMALLINT NOT NULL,
    attack_id             BIGINT,
    dbno_id               BIGINT,
    victim_id             TEXT,
    victim_name           TEXT,
    victim_team_id        INTEGER,
    victim_is_bot         BOOLEAN NOT NULL DEFAULT FALSE,
    victim_x              DOUBLE PRECISION,
    victim_y              DOUBLE PRECISION,
    victim_z              DOUBLE PRECISION,
    victim_in_blue_zone   BOOLEAN,
    victim_in_red_zone    BOOLEAN,
    victim_zone           TEXT,
    dbno_maker_id         TEXT,
    dbno_maker_name       TEXT,
    dbno_maker_x          DOUBLE PRECISION,
    dbno_maker_y          DOUBLE PRECISION,
    dbno_maker_z          DOUBLE PRECISION,
    dbno_maker_zone       TEXT,
    dbno_damage_reason    TEXT,
    dbno_damage_category  TEXT,
    dbno_damage_causer    TEXT,
    dbno_distance         DOUBLE PRECISION,
    finisher_id           TEXT,
    finisher_name         TEXT,
    finisher_x            DOUBLE PRECISION,
    finisher_y            DOUBLE PRECISION,
    finisher_z            DOUBLE PRECISION,
    finisher_zone         TEXT,
    finish_damage_reason  TEXT,
    finish_damage_category TEXT,
    finish_damage_causer  TEXT,
    finish_distance       DOUBLE PRECISION,
    killer_id             TEXT,
    killer_name           TEXT,
    killer_team_id        INTEGER,
    killer_is_bot         BOOLEAN NOT NULL DEFAULT FALSE,
    killer_x              DOUBLE PRECISION,
    killer_y              DOUBLE PRECISION,
    killer_z              DOUBLE PRECISION,
    killer_damage_reason  TEXT,
    killer_damage_category TEXT,
    killer_damage_causer  TEXT,
    killer_distance       DOUBLE PRECISION,
    is_suicide            BOOLEAN,
    is_game               DOUBLE PRECISION,
    map_name              TEXT,
    game_mode             TEXT,
    match_datetime        TIMESTAMPTZ,
    event_time            TIMESTAMPTZ,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, event_index)
);
CREATE INDEX kill_positions_victim_idx ON kill_positions (victim_id);
CREATE INDEX kill_positions_killer_idx ON kill_positions (killer_id);

-- LogPlayerTakeDamage. By default only events where the attacker or the victim is a tracked player.
-- attacker_* is NULL for zone and environment damage.
CREATE TABLE player_damage_events (
    id                   BIGSERIAL PRIMARY KEY,
    match_id             TEXT NOT NULL REFERENCES matches (match_id),
    event_index          INTEGER NOT NULL,
    attack_id            BIGINT,
    attacker_id          TEXT,
    attacker_name        TEXT,
    attacker_team_id     INTEGER,
    attacker_health      DOUBLE PRECISION,
    attacker_x           DOUBLE PRECISION,
    attacker_y           DOUBLE PRECISION,
    attacker_z           DOUBLE PRECISION,
    victim_id            TEXT,
    victim_name          TEXT,
    victim_team_id       INTEGER,
    victim_health        DOUBLE PRECISION,
    victim_x             DOUBLE PRECISION,
    victim_y             DOUBLE PRECISION,
    victim_z             DOUBLE PRECISION,
    damage_type_category TEXT,
    damage_reason        TEXT,
    damage               DOUBLE PRECISION,
    weapon_id            TEXT,
    is_through_wall      BOOLEAN,
    is_game              DOUBLE PRECISION,
    event_time           TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, event_index)
);
CREATE INDEX player_damage_events_attacker_idx ON player_damage_events (attacker_id);
CREATE INDEX player_damage_events_victim_idx ON player_damage_events (victim_id);

-- Knocks (LogPlayerMakeGroggy) and kills (LogPlayerKillV2 / LogPlayerKill) by weapon.
CREATE TABLE weapon_kill_events (
    id                   BIGSERIAL PRIMARY KEY,
    match_id             TEXT NOT NULL REFERENCES matches (match_id),
    event_index          INTEGER NOT NULL,
    event_type           TEXT NOT NULL CHECK (event_type IN ('knock', 'kill')),
    attack_id            BIGINT,
    dbno_id              BIGINT,
    killer_id            TEXT,
    killer_name          TEXT,
    killer_team_id       INTEGER,
    victim_id            TEXT,
    victim_name          TEXT,
    victim_team_id       INTEGER,
    weapon_id            TEXT,
    damage_type_category TEXT,
    damage_reason        TEXT,
    distance             DOUBLE PRECISION,
    killer_x             DOUBLE PRECISION,
    killer_y             DOUBLE PRECISION,
    killer_z             DOUBLE PRECISION,
    victim_x             DOUBLE PRECISION,
    victim_y             DOUBLE PRECISION,
    victim_z             DOUBLE PRECISION,
    killer_in_vehicle    BOOLEAN,
    victim_in_vehicle    BOOLEAN,
    killer_in_blue_zone  BOOLEAN,
    killer_in_red_zone   BOOLEAN,
    victim_in_blue_zone  BOOLEAN,
    victim_in_red_zone   BOOLEAN,
    zone_phase           INTEGER,
    is_game              DOUBLE PRECISION,
    map_name             TEXT,
    game_mode            TEXT,
    match_datetime       TIMESTAMPTZ,
    event_time           TIMESTAMPTZ,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, event_index, event_type)
);
CREATE INDEX weapon_kill_events_weapon_idx ON weapon_kill_events (weapon_id);
CREATE INDEX weapon_kill_events_killer_idx ON weapon_kill_events (killer_id);

-- LogGameStatePeriodic: one row per zone phase, the white circle as first announced.
CREATE TABLE circle_positions (
    id             BIGSERIAL PRIMARY KEY,
    match_id       TEXT NOT NULL REFERENCES matches (match_id),
    phase_num      INTEGER NOT NULL,
    center_x       DOUBLE PRECISION,
    center_y       DOUBLE PRECISION,
    radius         DOUBLE PRECISION,
    game_time      DOUBLE PRECISION,
    safe_center_x  DOUBLE PRECISION,
    safe_center_y  DOUBLE PRECISION,
    safe_radius    DOUBLE PRECISION,
    alive_players  INTEGER,
    map_name       TEXT,
    event_time     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (match_id, phase_num)
);
