package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.organization.ApiException;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.SystemReads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scores case files (案卷评查): facts from {@link FactExtractor}, items from the DMN {@link Checklist}. A veto item fails
 * the file with 0 points; otherwise the deduction items' points come off 100, and the file passes at the pass mark
 * (local policy: sunlight.supervision.pass-mark). A closed case's score is stored with the checklist version that made
 * it; reading a score made by an older version rescores it.
 */
@Service
class CaseScoring {

    private static final Logger log = LoggerFactory.getLogger(CaseScoring.class);

    /**
     * The case procedures, each with its {@link ProcedureFacts}; the helper processes a case calls (legal-review,
     * publication, publication-withdrawal) are parts of a case, not cases.
     */
    static final Map<String, String> PROCEDURE_NAMES = names("penalty-general", "行政处罚（普通程序）",
            "penalty-summary", "行政处罚（简易程序）", "licensing", "行政许可", "coercive-measure", "行政强制措施",
            "coercive-execution", "行政强制执行", "collection", "行政征收", "inspection", "行政检查");
    static final Set<String> PROCEDURES = PROCEDURE_NAMES.keySet();
    static final int FULL_MARKS = 100;

    private final FactExtractor extractor;
    private final Checklist checklist;
    private final ScoreMapper mapper;
    private final Cases cases;
    private final StatutoryClock clock;
    private final SystemReads system;
    private final ObjectMapper json;
    private final int passMark;
    private final TransactionTemplate transaction;

    CaseScoring(FactExtractor extractor, Checklist checklist, ScoreMapper mapper, Cases cases, StatutoryClock clock,
                SystemReads system, ObjectMapper json, @Value("${sunlight.supervision.pass-mark:60}") int passMark,
                PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.extractor = extractor;
        this.checklist = checklist;
        this.mapper = mapper;
        this.cases = cases;
        this.clock = clock;
        this.system = system;
        this.json = json;
        this.passMark = passMark;
    }

    private static Map<String, String> names(String... idsAndNames) {
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < idsAndNames.length; i += 2) {
            names.put(idsAndNames[i], idsAndNames[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(names);
    }

    static boolean scored(CaseInfo info) {
        return PROCEDURES.contains(info.processKey());
    }

    /** The stored score of a closed case, (re)scored when missing or made by an older checklist. */
    @Transactional
    public CaseScore current(CaseInfo info) {
        requireScorable(info);
        if (!"closed".equals(info.status())) {
            throw new ApiException(409, "case-open", "案件尚未结案，结案后方可评查；办理中的案件请使用评查预检",
                    "The case is not closed yet; use the pre-check for open cases");
        }
        Checklist.Version version = checklist.latest();
        StoredScore stored = mapper.find(info.businessKey());
        if (stored == null || stored.checklistVersion() != version.version()
                || !stored.checklistId().equals(version.id())) {
            stored = store(info, version);
        }
        return fromStored(stored);
    }

    /** An open (or closed) case as it would be scored if decided now; nothing is stored. */
    public CaseScore precheck(CaseInfo info) {
        requireScorable(info);
        Checklist.Version version = checklist.latest();
        Result result = evaluate(info, version, true);
        return new CaseScore(info.businessKey(), info.caseNumber(), result.score, result.passed, true, passMark,
                version.id(), version.version(), info.endedAt(), clock.now(), result.findings);
    }

    /** Scores a case that has just ended (after its transaction committed); failures leave it to be scored on read. */
    public void scoreClosed(String processInstanceId) {
        try {
            // one transaction: readers never see the case between the old row's delete and the new row's insert
            transaction.executeWithoutResult(status -> system.asSystem(() -> {
                cases.findByProcessInstance(processInstanceId).filter(CaseScoring::scored)
                        .filter(i -> "closed".equals(i.status()) && filed(i)).ifPresent(i -> store(i, checklist.latest()));
                return null;
            }));
        } catch (RuntimeException e) {
            log.warn("Scoring of closed case {} failed; it will be scored when read", processInstanceId, e);
        }
    }

    /**
     * Scores closed cases without a score of the latest checklist (new ones, and those scored by an older version),
     * at most {@code limit} per call; answers how many were scored.
     */
    @Transactional
    public int rescoreOutdated(int limit) {
        Checklist.Version version = checklist.latest();
        int done = 0;
        for (String procedure : PROCEDURES) {
            if (done >= limit) {
                break;
            }
            for (String key : mapper.unscored(procedure, version.version(), limit - done)) {
                CaseInfo info = cases.find(key).orElse(null);
                if (info != null && filed(info)) {
                    store(info, version);
                    done++;
                }
            }
        }
        return done;
    }

    private void requireScorable(CaseInfo info) {
        if (!scored(info)) {
            throw ApiException.notFound("本案所属程序尚未纳入案卷评查标准", "Cases of this procedure are not scored");
        }
        if (!filed(info)) {
            throw ApiException.notFound("本案未予立案，没有可评查的案卷", "The case was not filed; there is no case file to score");
        }
    }

    /** A case not filed (不予立案) has no case file: it ended at its filing decision. */
    private boolean filed(CaseInfo info) {
        return system.asSystem(() -> extractorFiled(info));
    }

    private boolean extractorFiled(CaseInfo info) {
        return !"closed".equals(info.status()) || !extractor.endedUnfiled(info);
    }

    private StoredScore store(CaseInfo info, Checklist.Version version) {
        Result result = evaluate(info, version, false);
        StoredScore row = new StoredScore(info.businessKey(), info.caseNumber(), info.processKey(), info.departmentId(),
                info.handlerId(), info.partyName(), result.score, result.passed,
                (int) result.findings.stream().filter(f -> "veto".equals(f.kind())).count(), version.id(),
                version.version(), write(result.findings), info.endedAt(), clock.now());
        mapper.delete(info.businessKey());
        try {
            mapper.insert(row);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // scored at the same moment by the closing node's background thread: same facts, same checklist
            log.debug("Case {} was scored concurrently", info.businessKey());
        }
        return row;
    }

    private record Result(int score, boolean passed, List<Finding> findings) {
    }

    private Result evaluate(CaseInfo info, Checklist.Version version, boolean precheck) {
        CaseFacts facts = system.asSystem(() -> extractor.extract(info, precheck));
        List<Finding> findings = new ArrayList<>();
        for (Map<String, Object> item : checklist.failedItems(version, facts.values())) {
            String fact = (String) item.get("fact");
            Map<String, Object> value = new LinkedHashMap<>();
            value.put(fact, facts.values().get(fact));
            List<Proof> proofs = facts.proofs(fact).stream().map(p -> withRecordSeq(info, p)).toList();
            findings.add(new Finding((String) item.get("code"), (String) item.get("label"), (String) item.get("kind"),
                    item.get("points") == null ? 0 : ((Number) item.get("points")).intValue(),
                    (String) item.get("basis"), value, facts.notes(fact), proofs));
        }
        boolean veto = findings.stream().anyMatch(f -> "veto".equals(f.kind()));
        int deducted = findings.stream().filter(f -> !"veto".equals(f.kind())).mapToInt(Finding::points).sum();
        int score = veto ? 0 : Math.max(0, FULL_MARKS - deducted);
        return new Result(score, !veto && score >= passMark, findings);
    }

    /** The record chain's entry of the row, where the chain holds it (chain key: the case's root instance). */
    private Proof withRecordSeq(CaseInfo info, Proof proof) {
        if (proof.id() == null || !Set.of("activity", "task", "variable").contains(proof.kind())) {
            return proof;
        }
        return proof.withRecordSeq(mapper.recordSeq(info.processInstanceId(), proof.id()));
    }

    CaseScore fromStored(StoredScore row) {
        return new CaseScore(row.businessKey(), row.caseNumber(), row.score(), row.passed(), false, passMark,
                row.checklistId(), row.checklistVersion(), row.closedAt(), row.scoredAt(), read(row.findings()));
    }

    List<Finding> read(String findings) {
        try {
            return json.readValue(findings, new TypeReference<List<Finding>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored findings are not JSON", e);
        }
    }

    private String write(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    int passMark() {
        return passMark;
    }

    Date now() {
        return clock.now();
    }
}
