package org.sunlight.inspection.internal;

import java.util.Date;

/**
 * A row of sl_inspection_draw; status committed → drawn (or withdrawn when the plan changed before the draw).
 * {@code poolJson}: name and credential number of each inspector of the pool at the draw (null for draws made before
 * it was recorded).
 */
record DrawRecord(long id, String businessKey, String itemCode, String status, String algorithm, String commitment,
                  String seed, Date committedAt, String inputsJson, String resultJson, String recordDigest,
                  Date drawnAt, String poolJson) {
}
