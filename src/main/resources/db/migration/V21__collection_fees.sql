-- Urban infrastructure fee assessments (城市基础设施配套费), one row per collection case once its decision is made.
-- status: assessed (notified, unpaid) | enforcing (handed to coercive-execution) | paid | court (applied to the
-- people's court) | terminated (execution ended without payment). Licensing reads it by project code (RULES 6.2).
CREATE TABLE sl_fee_assessment (
  business_key VARCHAR(64)    NOT NULL PRIMARY KEY,
  case_number  VARCHAR(100)   NOT NULL,
  project_code VARCHAR(64)    NOT NULL,
  project_name VARCHAR(200),
  payer_name   VARCHAR(200)   NOT NULL,
  principal    DECIMAL(18, 2) NOT NULL,
  surcharge    DECIMAL(18, 2) NOT NULL,
  status       VARCHAR(16)    NOT NULL,
  assessed_at  TIMESTAMP      NOT NULL,
  paid_at      TIMESTAMP      NULL,
  paid_amount  DECIMAL(18, 2)
);
CREATE INDEX sl_fee_assessment_project ON sl_fee_assessment (project_code);
