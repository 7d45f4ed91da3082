-- Sunlight's own tables (never ACT_*). Portable between H2 2.x and MySQL 8 / MariaDB 10.11.

-- organization: departments and officers mirror Camunda groups and users (same ids).
CREATE TABLE sl_department (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  acting_body VARCHAR(200) NOT NULL,
  created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE sl_officer (
  user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
  name          VARCHAR(100) NOT NULL,
  department_id VARCHAR(64)  NOT NULL,
  title         VARCHAR(100),
  law_qualified BOOLEAN      NOT NULL,
  active        BOOLEAN      NOT NULL,
  created_at    TIMESTAMP    NOT NULL
);
CREATE INDEX sl_officer_dept ON sl_officer (department_id);

-- 执法证: enforcement credential (行政处罚法第42、55条; RULES 5.8).
CREATE TABLE sl_credential (
  credential_no VARCHAR(64)  NOT NULL PRIMARY KEY,
  user_id       VARCHAR(64)  NOT NULL,
  department_id VARCHAR(64)  NOT NULL,
  scope         VARCHAR(200) NOT NULL,
  scope_text    VARCHAR(500) NOT NULL,
  issuer        VARCHAR(200) NOT NULL,
  valid_from    DATE         NOT NULL,
  valid_to      DATE         NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  status_reason VARCHAR(500),
  updated_at    TIMESTAMP    NOT NULL
);
CREATE INDEX sl_credential_user ON sl_credential (user_id);

-- procedure: the official holiday schedule (放假调休安排) per year.
CREATE TABLE sl_calendar_year (
  cal_year  INT          NOT NULL PRIMARY KEY,
  source    VARCHAR(500) NOT NULL,
  loaded_at TIMESTAMP    NOT NULL,
  loaded_by VARCHAR(64)  NOT NULL
);

CREATE TABLE sl_calendar_day (
  cal_date DATE        NOT NULL PRIMARY KEY,
  cal_year INT         NOT NULL,
  kind     VARCHAR(16) NOT NULL,
  note     VARCHAR(100)
);
CREATE INDEX sl_calendar_day_year ON sl_calendar_day (cal_year);

-- procedure: every case (案件) with its human case number, which is also the Camunda business key.
CREATE TABLE sl_case (
  business_key        VARCHAR(64)  NOT NULL PRIMARY KEY,
  case_number         VARCHAR(100) NOT NULL,
  process_instance_id VARCHAR(64)  NOT NULL,
  process_key         VARCHAR(64)  NOT NULL,
  category            VARCHAR(32)  NOT NULL,
  department_id       VARCHAR(64)  NOT NULL,
  handler_id          VARCHAR(64)  NOT NULL,
  party_name          VARCHAR(200),
  party_type          VARCHAR(32),
  status              VARCHAR(16)  NOT NULL,
  started_at          TIMESTAMP    NOT NULL,
  ended_at            TIMESTAMP
);
CREATE UNIQUE INDEX sl_case_pi ON sl_case (process_instance_id);
CREATE INDEX sl_case_dept ON sl_case (department_id, status);

CREATE TABLE sl_case_sequence (
  prefix     VARCHAR(16) NOT NULL,
  seq_year   INT         NOT NULL,
  next_value BIGINT      NOT NULL,
  PRIMARY KEY (prefix, seq_year)
);
