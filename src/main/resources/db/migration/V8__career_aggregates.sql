-- The live PewStats system's career aggregates (../shared/reference/pewstats-tables.md), filled by the
-- stats-aggregation stage from the stored rows of each completed match: damage per weapon and reason,
-- kills per weapon, and the enhanced per-player totals. Created with their key columns, then completed
-- with ADD COLUMN IF NOT EXISTS, so a live database's own tables are adopted as they are.
-- Sums are NUMERIC: a total built match by match equals the same total recomputed in one query.

-- Which career buckets a match counts in (live mapping of matches.game_type, plus tournament matches).
-- The recompute command rebuilds every aggregate after this function is changed by a later migration.
CREATE OR REPLACE FUNCTION stats_buckets(game_type TEXT, is_tournament BOOLEAN) RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN is_tournament THEN ARRAY['tournament', 'all']
        WHEN game_type IN ('competitive', 'ranked', 'Competitive', 'esports') THEN ARRAY['ranked', 'all']
        WHEN game_type IN ('normal', 'Normal', 'official', 'arcade', 'event') THEN ARRAY['normal', 'all']
        ELSE ARRAY['all']
    END
$$;

CREATE TABLE IF NOT EXISTS player_damage_stats (
    player_name   TEXT NOT NULL,
    weapon_id     TEXT NOT NULL,
    damage_reason TEXT NOT NULL,
    match_type    TEXT NOT NULL
);
ALTER TABLE player_damage_stats
    ADD COLUMN IF NOT EXISTS total_damage     NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_hits       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stats_updated_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE UNIQUE INDEX IF NOT EXISTS player_damage_stats_key
    ON player_damage_stats (player_name, weapon_id, damage_reason, match_type);

CREATE TABLE IF NOT EXISTS player_weapon_stats (
    player_name TEXT NOT NULL,
    weapon_id   TEXT NOT NULL,
    match_type  TEXT NOT NULL
);
ALTER TABLE player_weapon_stats
    ADD COLUMN IF NOT EXISTS total_kills         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS headshot_kills      INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS knock_downs         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_kill_distance NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS longest_kill        NUMERIC,
    ADD COLUMN IF NOT EXISTS close_range_kills   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS mid_range_kills     INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS long_range_kills    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS stats_updated_at    TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE UNIQUE INDEX IF NOT EXISTS player_weapon_stats_key
    ON player_weapon_stats (player_name, weapon_id, match_type);

CREATE TABLE IF NOT EXISTS player_advanced_career_stats (
    id          SERIAL PRIMARY KEY,
    player_name VARCHAR(100) NOT NULL,
    match_type  VARCHAR(50) NOT NULL,
    CONSTRAINT valid_match_type CHECK (match_type IN ('ranked', 'normal', 'tournament', 'all'))
);
ALTER TABLE player_advanced_career_stats
    ADD COLUMN IF NOT EXISTS total_killsteals              INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_heals_used              INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_boosts_used             INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_throwables_used         INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_smokes_thrown           INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_throwable_damage        NUMERIC(10, 2) DEFAULT 0,
    ADD COLUMN IF NOT EXISTS total_damage_received         NUMERIC(10, 2) DEFAULT 0,
    ADD COLUMN IF NOT EXISTS avg_distance_from_center      NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_distance_from_edge        NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS avg_time_outside_zone_seconds NUMERIC(10, 2),
    ADD COLUMN IF NOT EXISTS matches_played                INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS matches_with_circle_data      INTEGER DEFAULT 0,
    ADD COLUMN IF NOT EXISTS last_updated_at               TIMESTAMP DEFAULT now(),
    -- the sums behind the three averages (the hub's own columns): a match taken out again leaves the
    -- averages exact, not rounded twice
    ADD COLUMN IF NOT EXISTS sum_distance_from_center      NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS sum_distance_from_edge        NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS sum_time_outside_zone_seconds NUMERIC NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS matches_with_zone_time        INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX IF NOT EXISTS player_advanced_career_stats_key
    ON player_advanced_career_stats (player_name, match_type);

