package org.sunlight.supervision.internal.scoring;

import java.util.List;
import java.util.Map;

/**
 * One checklist item a case file fails: its code and Chinese label, veto or deduction, the points deducted (0 for a
 * veto, which fails the whole file), the source it enforces, the fact and its value, and the history entries proving it.
 */
record Finding(String code, String label, String kind, int points, String basis, Map<String, Object> fact,
               List<String> notes, List<Proof> proofs) {
}
