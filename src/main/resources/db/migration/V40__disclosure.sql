-- disclosure (行政执法公示): publications of decisions, their history, the outbox to the provincial platform, the
-- catalogue published before enforcement (执法事项清单, 服务指南) and the annual statistics. Portable between H2 2.x and
-- MySQL 8 / MariaDB 10.11.

-- A decision to be published (事后公开), as masked text: nothing unmasked is stored here (RULES 1.7, 1.8).
-- status: pending (awaiting review), published, withheld (not published, reason internal), withdrawn (decision revoked,
-- content hidden, reason public), cancelled (revoked before it was published).
CREATE TABLE sl_publication (
  id                     BIGINT AUTO_INCREMENT PRIMARY KEY,
  public_id              VARCHAR(36)  NOT NULL,
  business_key           VARCHAR(64)  NOT NULL,
  case_number            VARCHAR(100) NOT NULL,
  category               VARCHAR(32)  NOT NULL,
  kind                   VARCHAR(32)  NOT NULL,
  kind_name              VARCHAR(100) NOT NULL,
  department_id          VARCHAR(64)  NOT NULL,
  acting_body            VARCHAR(200) NOT NULL,
  handler_id             VARCHAR(64),
  decided_at             TIMESTAMP    NOT NULL,
  period_days            INT          NOT NULL,
  due_at                 TIMESTAMP    NOT NULL,
  status                 VARCHAR(16)  NOT NULL,
  withheld_reason        VARCHAR(1000),
  party_type             VARCHAR(32),
  party_name             VARCHAR(200),
  party_code             VARCHAR(64),
  document_no            VARCHAR(100),
  matter                 LONGTEXT,
  decision_result        LONGTEXT,
  legal_basis            LONGTEXT,
  masking_version        VARCHAR(32)  NOT NULL,
  masked_items           VARCHAR(500),
  revision               INT          NOT NULL,
  review_instance_id     VARCHAR(64),
  published_at           TIMESTAMP    NULL,
  published_by           VARCHAR(64),
  revocation_kind        VARCHAR(32),
  revocation_basis       VARCHAR(500),
  revoked_on             DATE,
  withdrawal_due_at      TIMESTAMP    NULL,
  withdrawal_instance_id VARCHAR(64),
  withdrawn_at           TIMESTAMP    NULL,
  withdrawal_reason      VARCHAR(1000),
  created_at             TIMESTAMP    NOT NULL,
  updated_at             TIMESTAMP    NOT NULL
);
CREATE UNIQUE INDEX sl_publication_public_id ON sl_publication (public_id);
CREATE INDEX sl_publication_status ON sl_publication (status, decided_at);
CREATE INDEX sl_publication_case ON sl_publication (business_key);
CREATE INDEX sl_publication_dept ON sl_publication (department_id, status);

-- Every change of a publication, with the public text as it was: corrections keep their history (行政处罚法第四十八条;
-- 市场监督管理行政处罚信息公示规定第十二条 as reference).
CREATE TABLE sl_publication_event (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  publication_id  BIGINT       NOT NULL,
  action          VARCHAR(16)  NOT NULL,
  revision        INT          NOT NULL,
  actor           VARCHAR(64)  NOT NULL,
  occurred_at     TIMESTAMP    NOT NULL,
  note            VARCHAR(1000),
  party_name      VARCHAR(200),
  document_no     VARCHAR(100),
  matter          LONGTEXT,
  decision_result LONGTEXT,
  legal_basis     LONGTEXT
);
CREATE INDEX sl_publication_event_pub ON sl_publication_event (publication_id, id);

-- Outbox to the provincial platform: written in the transaction that publishes or withdraws, delivered by any node
-- (a row is claimed with a lease), retried with backoff, dead after too many attempts.
CREATE TABLE sl_outbox (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  event_id        VARCHAR(36)  NOT NULL,
  event_type      VARCHAR(40)  NOT NULL,
  aggregate_id    VARCHAR(64)  NOT NULL,
  payload         LONGTEXT     NOT NULL,
  status          VARCHAR(16)  NOT NULL,
  attempts        INT          NOT NULL,
  next_attempt_at TIMESTAMP    NOT NULL,
  locked_by       VARCHAR(100),
  locked_until    TIMESTAMP    NULL,
  last_attempt_at TIMESTAMP    NULL,
  last_error      VARCHAR(1000),
  created_at      TIMESTAMP    NOT NULL,
  sent_at         TIMESTAMP    NULL
);
CREATE UNIQUE INDEX sl_outbox_event_id ON sl_outbox (event_id);
CREATE INDEX sl_outbox_due ON sl_outbox (status, next_attempt_at);
CREATE INDEX sl_outbox_aggregate ON sl_outbox (aggregate_id, id);

-- 执法事项清单 (RULES 1.2; 行政处罚法第三十九条).
CREATE TABLE sl_enforcement_item (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  code          VARCHAR(64)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  category      VARCHAR(32)  NOT NULL,
  legal_basis   LONGTEXT     NOT NULL,
  acting_body   VARCHAR(200) NOT NULL,
  department_id VARCHAR(64)  NOT NULL,
  relief        VARCHAR(1000),
  sort_order    INT          NOT NULL,
  updated_at    TIMESTAMP    NOT NULL,
  updated_by    VARCHAR(64)  NOT NULL
);
CREATE UNIQUE INDEX sl_enforcement_item_code ON sl_enforcement_item (code);

-- 服务指南 per procedure (RULES 1.2, 3.2; 行政许可法第三十条): the flowchart is drawn from the deployed BPMN.
CREATE TABLE sl_service_guide (
  process_key           VARCHAR(64)  NOT NULL PRIMARY KEY,
  name                  VARCHAR(200) NOT NULL,
  category              VARCHAR(32)  NOT NULL,
  item_code             VARCHAR(64),
  accepting_body        VARCHAR(200) NOT NULL,
  deciding_body         VARCHAR(200) NOT NULL,
  acceptance_conditions LONGTEXT     NOT NULL,
  steps                 LONGTEXT     NOT NULL,
  statutory_limit       VARCHAR(500) NOT NULL,
  promised_limit        VARCHAR(500) NOT NULL,
  materials             LONGTEXT     NOT NULL,
  fees                  VARCHAR(500) NOT NULL,
  place                 VARCHAR(500) NOT NULL,
  office_hours          VARCHAR(200),
  contact               VARCHAR(200) NOT NULL,
  relief                VARCHAR(1000) NOT NULL,
  updated_at            TIMESTAMP    NOT NULL,
  updated_by            VARCHAR(64)  NOT NULL
);

-- 年度执法数据 of a year (RULES 1.9): compiled once after the year ends, before 31 January.
CREATE TABLE sl_disclosure_statistics (
  stat_year   INT          NOT NULL PRIMARY KEY,
  compiled_at TIMESTAMP    NOT NULL,
  compiled_by VARCHAR(64)  NOT NULL,
  content     LONGTEXT     NOT NULL
);
