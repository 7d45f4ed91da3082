-- Cases that belong together (an inspection and the penalty it led to; a summary case converted to general).
CREATE TABLE sl_case_link (
  from_key   VARCHAR(64) NOT NULL,
  to_key     VARCHAR(64) NOT NULL,
  relation   VARCHAR(32) NOT NULL,
  created_at TIMESTAMP   NOT NULL,
  PRIMARY KEY (from_key, to_key)
);
CREATE INDEX sl_case_link_to ON sl_case_link (to_key);
