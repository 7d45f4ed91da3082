package org.sunlight.supervision.internal.scoring;

import java.util.Date;

/** Filter, order and page of the score list; orderBy is one of the fixed clauses of {@link ScoreController}. */
record ScoreFilter(String departmentId, Boolean passed, Integer minScore, Integer maxScore, Date closedFrom,
                   Date closedTo, String orderBy, int size, int offset) {
}
