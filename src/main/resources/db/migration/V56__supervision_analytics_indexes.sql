-- supervision analytics: indexes for the queries over 100,000 closed cases (BENCHMARKS.md, SupervisionBenchmark).
-- Closed cases of a procedure / a category in a period (durations, risk flags); the same officer with the same party.
CREATE INDEX sl_case_proc_status ON sl_case (process_key, status, ended_at);
CREATE INDEX sl_case_cat_status ON sl_case (category, status, ended_at);
CREATE INDEX sl_case_handler_party ON sl_case (handler_id, party_name);
CREATE INDEX sl_case_started ON sl_case (started_at);
