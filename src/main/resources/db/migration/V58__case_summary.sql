-- supervision analytics: one row per ended case (closed or cancelled) with the facts the analytics read, written in
-- the transaction that ends the case (CaseSummaries). The analytics read these rows instead of joining the engine's
-- ACT_HI_* tables to sl_case: on MySQL/MariaDB those are utf8mb3_bin and Sunlight's utf8mb4, so such joins lost the
-- engine's indexes (5 to 9 s at 100,000 closed cases, BENCHMARKS.md). Cases that ended before this table existed are
-- filled in by CaseSummaries at startup (and whenever the count of ended cases and of summaries differ).
CREATE TABLE sl_case_summary (
  business_key           VARCHAR(64)      NOT NULL PRIMARY KEY,
  case_number            VARCHAR(100)     NOT NULL,
  process_key            VARCHAR(64)      NOT NULL,
  category               VARCHAR(32)      NOT NULL,
  department_id          VARCHAR(64)      NOT NULL,
  handler_id             VARCHAR(64)      NOT NULL,
  party_name             VARCHAR(200),
  status                 VARCHAR(16)      NOT NULL,
  started_at             TIMESTAMP        NOT NULL,
  ended_at               TIMESTAMP        NULL,
  -- the limited period of the procedure (sunlight.supervision.watch.procedures): its start, the act that ends it
  -- (the decision) and the statutory due date, epoch milliseconds as the engine stores date variables
  period_start_ms        BIGINT,
  period_end_ms          BIGINT,
  period_due_ms          BIGINT,
  -- a decisionDate variable exists; a hearing was held (hearingHeld = true)
  decision_recorded      BOOLEAN          NOT NULL,
  hearing_held           BOOLEAN          NOT NULL,
  -- legal reviews (法制审核) called from the case: all, finished, finished without approval (reviewApproved = false)
  legal_reviews          INT              NOT NULL,
  legal_reviews_ended    INT              NOT NULL,
  legal_reviews_rejected INT              NOT NULL,
  -- the fine and the discretion range (裁量基准) it was proposed in
  fine_amount            DOUBLE PRECISION,
  min_fine               DOUBLE PRECISION,
  max_fine               DOUBLE PRECISION,
  -- an inspection's result and what was decided about it
  inspection_result      VARCHAR(4000),
  handling_decision      VARCHAR(4000),
  summarized_at          TIMESTAMP        NOT NULL
);
-- a procedure's / a category's closed cases (durations, risk flags); not status first: nearly every row is closed,
-- and MariaDB then read all rows through the index instead of scanning the table (3 to 4 times slower)
CREATE INDEX sl_case_summary_proc ON sl_case_summary (process_key, status, ended_at);
CREATE INDEX sl_case_summary_cat ON sl_case_summary (category, status, ended_at);
CREATE INDEX sl_case_summary_dept ON sl_case_summary (department_id, ended_at);
CREATE INDEX sl_case_summary_started ON sl_case_summary (started_at);
-- open cases (the legal reviews of cases still running are read from the engine) and the count of ended cases
CREATE INDEX sl_case_status ON sl_case (status, started_at);
-- the counts of a period (by category, department, month; workload; same officer and party) from the index alone:
-- with sl_case_started MariaDB read each of a year's 33,000 rows from the table (workload 2025: 1.2 s at 100,000)
CREATE INDEX sl_case_period ON sl_case (started_at, handler_id, department_id, status, category, party_name);
