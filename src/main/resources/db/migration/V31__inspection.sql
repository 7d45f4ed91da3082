-- inspection (行政检查, 双随机、一公开): the lists a random inspection draws from, and the draws themselves.
-- Portable between H2 2.x and MySQL 8 / MariaDB 10.11.

-- 随机抽查事项清单: no inspection without a listed legal basis (国办发〔2015〕58号二(一)); published beforehand.
CREATE TABLE sl_inspection_item (
  code          VARCHAR(32)   NOT NULL PRIMARY KEY,
  name          VARCHAR(200)  NOT NULL,
  legal_basis   VARCHAR(1000) NOT NULL,
  content       VARCHAR(2000) NOT NULL,
  target_kinds  VARCHAR(200)  NOT NULL,
  published     BOOLEAN       NOT NULL,
  updated_at    TIMESTAMP     NOT NULL,
  updated_by    VARCHAR(64)   NOT NULL
);

-- 检查对象名录库: regulated entities, identified by their unified social credit code.
CREATE TABLE sl_regulated_entity (
  id          VARCHAR(18)  NOT NULL PRIMARY KEY,
  name        VARCHAR(200) NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  risk_class  VARCHAR(16)  NOT NULL,
  address     VARCHAR(300),
  active      BOOLEAN      NOT NULL,
  updated_at  TIMESTAMP    NOT NULL,
  updated_by  VARCHAR(64)  NOT NULL
);
CREATE INDEX sl_regulated_entity_kind ON sl_regulated_entity (kind, active);

-- Declared conflicts of interest: the inspector is skipped for that entity (回避, RULES 5.6).
CREATE TABLE sl_inspection_conflict (
  user_id     VARCHAR(64)  NOT NULL,
  entity_id   VARCHAR(18)  NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  declared_by VARCHAR(64)  NOT NULL,
  declared_at TIMESTAMP    NOT NULL,
  PRIMARY KEY (user_id, entity_id)
);

-- Random draws: the seed is committed (SHA-256) before the inputs are frozen and revealed with the result.
CREATE TABLE sl_inspection_draw (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  business_key  VARCHAR(64)  NOT NULL,
  item_code     VARCHAR(32)  NOT NULL,
  status        VARCHAR(16)  NOT NULL,
  algorithm     VARCHAR(32)  NOT NULL,
  commitment    VARCHAR(64)  NOT NULL,
  seed          VARCHAR(64)  NOT NULL,
  committed_at  TIMESTAMP    NOT NULL,
  inputs_json   LONGTEXT,
  result_json   LONGTEXT,
  record_digest VARCHAR(64),
  drawn_at      TIMESTAMP
);
CREATE INDEX sl_inspection_draw_case ON sl_inspection_draw (business_key);
