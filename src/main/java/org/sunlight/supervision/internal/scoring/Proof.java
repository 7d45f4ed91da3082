package org.sunlight.supervision.internal.scoring;

import java.util.Date;

/**
 * A history entry that proves a finding: an activity instance, a task, a variable, an evidence file or a clock pause,
 * with its time and, where the record chain holds the row, the chain entry's sequence number (recordSeq).
 *
 * @param kind activity | task | variable | evidence | pause
 */
record Proof(String kind, String id, String name, Date time, String value, Long recordSeq) {

    Proof withRecordSeq(Long seq) {
        return new Proof(kind, id, name, time, value, seq);
    }
}
