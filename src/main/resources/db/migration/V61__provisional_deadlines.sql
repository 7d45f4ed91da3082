-- Deadlines computed into a year whose official holiday schedule was not loaded yet (counted weekends only, as
-- cn-workday-calendar.yaml requires, and said so). One row per such computation made for a case: how it was counted
-- (kind, start day, amount) and the day it gave. When an administrator loads that year's schedule, Sunlight counts
-- each again and moves the case's open timers, task due dates and date variables that still stand on the old day
-- (ProvisionalDeadlines); a row is removed once every year it touches has its schedule.
CREATE TABLE sl_provisional_deadline (
  id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  -- working-days | calendar-days | months
  kind                VARCHAR(16) NOT NULL,
  start_day           DATE        NOT NULL,
  amount              INT         NOT NULL,
  result_day          DATE        NOT NULL,
  first_year          INT         NOT NULL,
  last_year           INT         NOT NULL,
  created_at          TIMESTAMP   NOT NULL
);
CREATE INDEX sl_provisional_deadline_years ON sl_provisional_deadline (last_year, first_year);
