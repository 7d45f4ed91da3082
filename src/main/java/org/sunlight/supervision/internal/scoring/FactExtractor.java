package org.sunlight.supervision.internal.scoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseClocks;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.StatutoryClock;

/**
 * Reads the facts the checklist tests from what the engine recorded of a case (activity instances, task completions,
 * variable values with their last update) and from Sunlight's tables (evidence files, clock pauses). No scoring
 * happens here: each fact is a plain value (a flag or a count) named like the DMN input, with the history entries it
 * was read from. Which activities and variables give a fact is the procedure's {@link ProcedureFacts}, one per scored
 * procedure; the fact {@code procedure} (the process id) lets a checklist row apply to some procedures only.
 * <p>
 * A pre-check (open case) reads the same facts as if the decision were made now: steps after the decision (decision
 * document, delivery) are not yet due and are left out.
 */
@Component
class FactExtractor {

    private final HistoryService history;
    private final Organization organization;
    private final StatutoryClock clock;
    private final CaseClocks caseClocks;
    private final ScoreMapper mapper;
    private final Map<String, ProcedureFacts> procedures;

    FactExtractor(HistoryService history, Organization organization, StatutoryClock clock, CaseClocks caseClocks,
                  ScoreMapper mapper, List<ProcedureFacts> procedures) {
        this.history = history;
        this.organization = organization;
        this.clock = clock;
        this.caseClocks = caseClocks;
        this.mapper = mapper;
        this.procedures = procedures.stream().collect(Collectors.toMap(ProcedureFacts::procedure, Function.identity()));
        if (!this.procedures.keySet().equals(CaseScoring.PROCEDURES)) {
            throw new IllegalStateException("Scored procedures " + CaseScoring.PROCEDURES + " but fact readers for "
                    + this.procedures.keySet());
        }
    }

    CaseFacts extract(CaseInfo info, boolean precheck) {
        CaseFile file = new CaseFile(info, new Trail(history, mapper, info.processInstanceId(), CaseScoring.PROCEDURES),
                precheck, organization, clock, caseClocks, mapper);
        file.facts.put("procedure", info.processKey(), List.of());
        procedures.get(info.processKey()).read(file);
        return file.facts;
    }

    /** The case ended where no case file exists to score (不予立案, 不予受理, converted to another procedure). */
    boolean endedUnfiled(CaseInfo info) {
        Set<String> ends = procedures.get(info.processKey()).endsWithoutFile();
        return ends.stream().anyMatch(end -> history.createHistoricActivityInstanceQuery()
                .processInstanceId(info.processInstanceId()).activityId(end).count() > 0);
    }
}
