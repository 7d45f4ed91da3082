-- Periods during which a statutory clock of a case stands still (e.g. 行政许可法第四十五条: hearings, testing and
-- expert review do not count; 行政强制法第二十五条: testing does not count towards the 30 days of a seizure).
CREATE TABLE sl_clock_pause (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  business_key VARCHAR(64)  NOT NULL,
  clock_name   VARCHAR(64)  NOT NULL,
  reason       VARCHAR(500) NOT NULL,
  paused_at    TIMESTAMP    NOT NULL,
  resumed_at   TIMESTAMP
);
CREATE INDEX sl_clock_pause_case ON sl_clock_pause (business_key, clock_name);
