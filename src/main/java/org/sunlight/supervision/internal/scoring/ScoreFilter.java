package org.sunlight.supervision.internal.scoring;

import java.util.Date;

/**
 * Filter, order and page of the score list; orderBy is one of the fixed clauses of {@link ScoreController}; procedure
 * is a process id of {@link CaseScoring#PROCEDURES} or null for all.
 */
record ScoreFilter(String departmentId, Boolean passed, Integer minScore, Integer maxScore, Date closedFrom,
                   Date closedTo, String orderBy, int size, int offset, String procedure) {

    ScoreFilter(String departmentId, Boolean passed, Integer minScore, Integer maxScore, Date closedFrom,
                Date closedTo, String orderBy, int size, int offset) {
        this(departmentId, passed, minScore, maxScore, closedFrom, closedTo, orderBy, size, offset, null);
    }
}
