-- Analytics rollups are no longer written with each batch of executions: a background fold
-- (RollupAggregator) adds stored executions to them behind a watermark, and reports add the few
-- executions above the watermark when they read, so they stay exact.
--
-- The watermark is a transaction id: every execution below it is in the rollups, none above it
-- is. Each execution row keeps the id of the transaction that inserted it. A fold takes the
-- oldest transaction still running (pg_snapshot_xmin of a snapshot) as its horizon: every
-- transaction below it has finished, so its rows are either committed and visible or never will
-- be — rows inserted by transactions below the horizon can no longer appear later, whatever the
-- order in which transactions commit, on any number of nodes.

-- 0 for the rows already there: the rollups hold them. The default is set apart, so adding the
-- column does not rewrite the table.
ALTER TABLE executions ADD COLUMN recorded_xid bigint NOT NULL DEFAULT 0;
ALTER TABLE executions ALTER COLUMN recorded_xid SET DEFAULT pg_current_xact_id()::text::bigint;
-- Finds the unfolded tail. Ids only grow, so each insert appends at the index's right edge, the
-- cheapest B-tree insert; and the planner reads the index's true maximum, so it knows the tail is
-- small even between ANALYZE runs. (A BRIN index costs less per insert, but leaves the pages
-- written since its last summary to be scanned whole — a minute of load and more.)
CREATE INDEX executions_recorded_xid_idx ON executions (recorded_xid);

CREATE TABLE rollup_watermark (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    watermark  bigint  NOT NULL
);
-- Everything inserted before this migration is in the rollups already (recorded_xid 0); anything
-- inserted by a later transaction has a larger id.
INSERT INTO rollup_watermark (watermark) VALUES (pg_current_xact_id()::text::bigint);
