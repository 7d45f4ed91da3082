-- supervision: escalations of cases nearing or past a limit (督办). One row per case and limit (statutory, promised):
-- the unique index makes the escalation happen exactly once, also when several nodes run it at the same time.
-- Portable between H2 2.x and MySQL 8 / MariaDB 10.11.
CREATE TABLE sl_deadline_escalation (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  business_key   VARCHAR(64)  NOT NULL,
  case_number    VARCHAR(100) NOT NULL,
  limit_kind     VARCHAR(16)  NOT NULL,
  stage          VARCHAR(16)  NOT NULL,
  due_at         TIMESTAMP    NOT NULL,
  escalated_at   TIMESTAMP    NOT NULL,
  leader_task_id VARCHAR(64),
  department_id  VARCHAR(64)  NOT NULL,
  handler_id     VARCHAR(64)  NOT NULL
);
CREATE UNIQUE INDEX sl_deadline_escalation_once ON sl_deadline_escalation (business_key, limit_kind);
CREATE INDEX sl_deadline_escalation_dept ON sl_deadline_escalation (department_id, escalated_at);
