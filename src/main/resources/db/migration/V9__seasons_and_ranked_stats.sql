-- PUBG seasons, as the seasons endpoint lists them (the live system kept this table by hand), and the
-- ranked stats collector's rows: one per tracked player, season and game mode (ranked_player_stats, named
-- and typed as ../shared/reference/pewstats-tables.md lists it). Created with their key columns, then
-- completed with ADD COLUMN IF NOT EXISTS, so a live database's own tables are adopted as they are.

CREATE TABLE IF NOT EXISTS seasons (
    id       VARCHAR(100) NOT NULL,
    platform VARCHAR(20) NOT NULL
);
ALTER TABLE seasons
    ADD COLUMN IF NOT EXISTS display_name  VARCHAR(100),
    ADD COLUMN IF NOT EXISTS season_number INTEGER,
    ADD COLUMN IF NOT EXISTS is_current    BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS is_offseason  BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN IF NOT EXISTS first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS updated_at    TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE UNIQUE INDEX IF NOT EXISTS seasons_key ON seasons (id, platform);

CREATE TABLE IF NOT EXISTS ranked_player_stats (
    id        SERIAL PRIMARY KEY,
    player_id VARCHAR(100) NOT NULL,
    season_id VARCHAR(100) NOT NULL,
    game_mode VARCHAR(20) NOT NULL
);
ALTER TABLE ranked_player_stats
    ADD COLUMN IF NOT EXISTS player_name         VARCHAR(100),
    ADD COLUMN IF NOT EXISTS current_tier        VARCHAR(20),
    ADD COLUMN IF NOT EXISTS current_sub_tier    VARCHAR(5),
    ADD COLUMN IF NOT EXISTS current_rank_point  INTEGER,
    ADD COLUMN IF NOT EXISTS best_tier           VARCHAR(20),
    ADD COLUMN IF NOT EXISTS best_sub_tier       VARCHAR(5),
    ADD COLUMN IF NOT EXISTS best_rank_point     INTEGER,
    ADD COLUMN IF NOT EXISTS rounds_played       INTEGER,
    ADD COLUMN IF NOT EXISTS wins                INTEGER,
    ADD COLUMN IF NOT EXISTS kills               INTEGER,
    ADD COLUMN IF NOT EXISTS deaths              INTEGER,
    ADD COLUMN IF NOT EXISTS assists             INTEGER,
    ADD COLUMN IF NOT EXISTS damage_dealt        NUMERIC(12, 2),
    ADD COLUMN IF NOT EXISTS dbnos               INTEGER,
    ADD COLUMN IF NOT EXISTS avg_rank            VARCHAR(50),
    -- ratios: NUMERIC(8,6) in the live table; wider here, a KDA of 100 or more is rare but possible
    ADD COLUMN IF NOT EXISTS top10_ratio         NUMERIC(12, 6),
    ADD COLUMN IF NOT EXISTS win_ratio           NUMERIC(12, 6),
    ADD COLUMN IF NOT EXISTS kda                 NUMERIC(12, 6),
    ADD COLUMN IF NOT EXISTS kdr                 NUMERIC(12, 6),
    ADD COLUMN IF NOT EXISTS headshot_kills      INTEGER,
    ADD COLUMN IF NOT EXISTS headshot_kill_ratio NUMERIC(12, 6),
    ADD COLUMN IF NOT EXISTS longest_kill        NUMERIC(8, 2),
    ADD COLUMN IF NOT EXISTS collected_at        TIMESTAMP,
    ADD COLUMN IF NOT EXISTS updated_at          TIMESTAMPTZ DEFAULT now();
CREATE UNIQUE INDEX IF NOT EXISTS ranked_player_stats_key ON ranked_player_stats (player_id, season_id, game_mode);
-- an adopted live table's ratios are NUMERIC(8,6), which a KDA of 100 or more overflows: widened
ALTER TABLE ranked_player_stats
    ALTER COLUMN top10_ratio TYPE NUMERIC(12, 6),
    ALTER COLUMN win_ratio TYPE NUMERIC(12, 6),
    ALTER COLUMN kda TYPE NUMERIC(12, 6),
    ALTER COLUMN kdr TYPE NUMERIC(12, 6),
    ALTER COLUMN headshot_kill_ratio TYPE NUMERIC(12, 6);
