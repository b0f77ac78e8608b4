-- When a match's message was first dead-lettered since the match last moved forward: the hub's own record
-- behind the x-first-failure-at header (a header that came with a message is never trusted).
ALTER TABLE matches ADD COLUMN first_failed_at TIMESTAMPTZ;
