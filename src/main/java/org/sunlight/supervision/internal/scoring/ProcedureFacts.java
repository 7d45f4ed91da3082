package org.sunlight.supervision.internal.scoring;

import java.util.Set;

/**
 * How the case file of one procedure is read: which of its activities and variables (processes/{procedure}.bpmn and
 * its forms) give each fact of the checklist. One small class per procedure; the readings themselves are
 * {@link CaseFile}'s, and whether a fact costs points is the DMN checklist's.
 */
interface ProcedureFacts {

    /** The process id (DESIGN.md contracts). */
    String procedure();

    /** End events at which a case ends without a case file to score (not filed, not accepted, converted). */
    Set<String> endsWithoutFile();

    /** Reads the facts of the procedure into the file. */
    void read(CaseFile file);
}
