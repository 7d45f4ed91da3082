package org.sunlight.inspection.internal;

import java.util.Date;

/** An inspector's declared conflict of interest with a regulated entity: skipped for it in every draw (回避). */
record InspectionConflict(String userId, String entityId, String reason, String declaredBy, Date declaredAt) {
}
