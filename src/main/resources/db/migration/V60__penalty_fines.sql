-- 一事不二罚 (行政处罚法第二十九条; RULES 2.22): one row per penalty case whose fine is proposed (at the legal review
-- or the leader's decision) or decided, keyed by the party's identity number (统一社会信用代码 or 公民身份号码, as
-- PartyChecks normalised it), the violation and its date. Read by one indexed lookup when a fine of the same party for
-- the same act is about to be reviewed or decided, to tell the reviewer and the leader (never to refuse: whether two
-- records are the same act is their legal judgment). A case decided without a fine, or cancelled, has no row.
CREATE TABLE sl_penalty_fine (
  business_key    VARCHAR(64)    NOT NULL PRIMARY KEY,
  case_number     VARCHAR(100)   NOT NULL,
  party_id_number VARCHAR(64)    NOT NULL,
  violation_code  VARCHAR(64)    NOT NULL,
  violation_date  DATE           NOT NULL,
  fine_amount     DECIMAL(15, 2) NOT NULL,
  -- proposed: running with a fine proposed; decided: a fine decided on decision_date
  status          VARCHAR(16)    NOT NULL,
  decision_date   DATE,
  updated_at      TIMESTAMP      NOT NULL
);
CREATE INDEX sl_penalty_fine_act ON sl_penalty_fine (party_id_number, violation_code, violation_date);
