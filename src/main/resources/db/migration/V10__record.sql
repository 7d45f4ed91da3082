-- record: the whole-process record (执法全过程记录, 国办发〔2018〕118号三; 行政处罚法第四十七条).

-- Hash chain over every history row of a case (and over its evidence), one chain per case so that cases do not
-- contend for one head. chain_key is the case's root process instance id; '-' collects history that belongs to no
-- case (deployments, stand-alone decision evaluations). An entry holds the row as it was stored (canonical JSON),
-- its digest, and the hash linking it to the previous entry.
CREATE TABLE sl_record_head (
  chain_key  VARCHAR(64) NOT NULL PRIMARY KEY,
  seq        BIGINT      NOT NULL,
  head_hash  CHAR(64)    NOT NULL,
  updated_ms BIGINT      NOT NULL
);

CREATE TABLE sl_record_entry (
  chain_key   VARCHAR(64) NOT NULL,
  seq         BIGINT      NOT NULL,
  table_name  VARCHAR(32) NOT NULL,
  row_id      VARCHAR(64) NOT NULL,
  row_digest  CHAR(64)    NOT NULL,
  row_data    LONGTEXT    NOT NULL,
  recorded_ms BIGINT      NOT NULL,
  entry_hash  CHAR(64)    NOT NULL,
  PRIMARY KEY (chain_key, seq)
);

INSERT INTO sl_record_head (chain_key, seq, head_hash, updated_ms)
VALUES ('-', 0, '0000000000000000000000000000000000000000000000000000000000000000', 0);

-- Evidence (音像与书证): content addressed by SHA-256 in the evidence store, metadata here. Rows are never updated or
-- deleted by the application; a row is also a chain entry of its case. DATETIME, not TIMESTAMP: a 30-year archive
-- outlives MySQL's TIMESTAMP range (2038) and must not shift with the session time zone.
CREATE TABLE sl_evidence (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  business_key  VARCHAR(64)  NOT NULL,
  chain_key     VARCHAR(64)  NOT NULL,
  task_id       VARCHAR(64),
  task_key      VARCHAR(255),
  task_name     VARCHAR(255),
  file_name     VARCHAR(255) NOT NULL,
  media_type    VARCHAR(127) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  captured_at   DATETIME     NOT NULL,
  device_note   VARCHAR(500),
  uploader_id   VARCHAR(64)  NOT NULL,
  credential_no VARCHAR(64),
  uploaded_at   DATETIME     NOT NULL
);
CREATE INDEX sl_evidence_case ON sl_evidence (business_key);
CREATE INDEX sl_evidence_chain ON sl_evidence (chain_key);
CREATE INDEX sl_evidence_task ON sl_evidence (task_id);
CREATE INDEX sl_evidence_sha ON sl_evidence (sha256);
