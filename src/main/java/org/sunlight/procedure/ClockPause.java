package org.sunlight.procedure;

import java.util.Date;

/** A period during which a case's statutory clock stood (or stands) still; resumedAt is null while paused. */
public record ClockPause(String businessKey, String clockName, String reason, Date pausedAt, Date resumedAt) {
}
