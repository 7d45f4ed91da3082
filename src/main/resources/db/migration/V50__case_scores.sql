-- supervision (案卷评查): the score of each closed case, with the version of the checklist (DMN case-file-checklist)
-- that produced it; a score of an older version is rescored when read.
CREATE TABLE sl_case_score (
  business_key        VARCHAR(64)  NOT NULL PRIMARY KEY,
  case_number         VARCHAR(100),
  process_key         VARCHAR(64)  NOT NULL,
  department_id       VARCHAR(64)  NOT NULL,
  handler_id          VARCHAR(64)  NOT NULL,
  party_name          VARCHAR(200),
  score               INT          NOT NULL,
  passed              BOOLEAN      NOT NULL,
  veto_count          INT          NOT NULL,
  checklist_id        VARCHAR(100) NOT NULL,
  checklist_version   INT          NOT NULL,
  findings            LONGTEXT     NOT NULL,
  closed_at           TIMESTAMP    NULL,
  scored_at           TIMESTAMP    NOT NULL
);
CREATE INDEX sl_case_score_dept ON sl_case_score (department_id, score, business_key);
CREATE INDEX sl_case_score_closed ON sl_case_score (closed_at);
-- the list's default orders: by score (ties by case) and by closing date
CREATE INDEX sl_case_score_score ON sl_case_score (score, business_key);
CREATE INDEX sl_case_score_version ON sl_case_score (checklist_version);
