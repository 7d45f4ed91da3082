package org.sunlight.inspection.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The verifiable random draw of 双随机、一公开 (RULES 5.2, 5.6; 《优化营商环境条例》第五十四条).
 * <p>
 * Why the seed cannot be chosen to suit the inputs: when the plan names its item and inspector pool, Sunlight draws a
 * 256-bit seed from the operating system's secure random source and records only its SHA-256 (the commitment) in the
 * case — in the engine's hash-chained history as well as in the draw's row. The seed stays secret while anyone could
 * still change the inputs (the registry, risk classes, declared conflicts, the pool). When the leader approves the
 * plan, the inputs are frozen, the draw is made and the seed is revealed with the record. So no one chose the seed,
 * and no one who could shape the inputs knew it. A public randomness beacon (e.g. a lottery result typed in later)
 * was not chosen: Sunlight runs without outside network access and a typed number is an input a person could mistype.
 * <p>
 * Anyone can verify ({@code GET /api/inspections/draws/{id}/verify}): the seed matches its commitment, the commitment
 * preceded the draw, the record matches the digest anchored in the case's history, and re-running
 * {@link DrawAlgorithm} on the recorded inputs gives the recorded result. That answer names officers by name and
 * 执法证件号 only, never by login id (see {@link #verify}).
 */
@Component("inspectionDraws")
@EnableConfigurationProperties(InspectionPolicy.class)
public class InspectionDraws {

    static final String DECISION = "sample-rate";

    /** An inspector of a draw's pool as recorded at the draw (sl_inspection_draw.pool_json), by user id. */
    record PoolOfficer(String inspector, String name, String credentialNo) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InspectionMapper mapper;
    private final Organization organization;
    private final StatutoryClock clock;
    private final InspectionPolicy policy;
    private final DecisionService decisionService;
    private final HistoryService historyService;
    private final Cases cases;

    InspectionDraws(InspectionMapper mapper, Organization organization, StatutoryClock clock, InspectionPolicy policy,
                    @Lazy DecisionService decisionService, @Lazy HistoryService historyService, Cases cases) {
        this.mapper = mapper;
        this.organization = organization;
        this.clock = clock;
        this.policy = policy;
        this.decisionService = decisionService;
        this.historyService = historyService;
        this.cases = cases;
    }

    /**
     * 抽查计划: the item must be on the published random-inspection list (国办发〔2015〕58号二(一): 法律法规规章没有规定的，
     * 一律不得擅自开展检查); the pool is named by departments. The seed is committed now.
     */
    public void commit(DelegateTask task) {
        String code = Vars.requireText(task, "itemCode", "抽查事项");
        InspectionItem item = mapper.item(code);
        if (item == null || !item.published()) {
            throw new RuleViolation("item-not-listed", "抽查事项 " + code + " 不在已公布的随机抽查事项清单中，不得开展检查（国办发〔2015〕58号二(一)）",
                    "Item " + code + " is not on the published random-inspection list; no inspection without a listed basis");
        }
        List<String> departments = pool(task);
        String businessKey = task.getExecution().getProcessBusinessKey();
        mapper.withdraw(businessKey);
        String seed = DrawAlgorithm.newSeed(RANDOM);
        String commitment = DrawAlgorithm.commitment(seed);
        Date now = clock.now();
        mapper.insertDraw(businessKey, code, DrawAlgorithm.NAME, commitment, seed, now);
        long id = mapper.lastDrawId(businessKey);
        task.setVariable("inspectorPool", String.join(",", departments));
        task.setVariable("inspectorPoolNames", departments.stream().map(d -> organization.department(d).map(Department::name)
                .orElse(d)).collect(java.util.stream.Collectors.joining("、")));
        task.setVariable("drawId", id);
        task.setVariable("seedCommitment", commitment);
        task.setVariable("itemName", item.name());
        task.setVariable("legalBasis", item.legalBasis());
    }

    /**
     * Service task after the plan's approval: freezes the inputs, asks DMN sample-rate for each risk class, draws,
     * records and reveals. A plan that yields no target or too few inspectors is refused (the approval rolls back).
     */
    public void draw(DelegateExecution execution) {
        long id = ((Number) execution.getVariable("drawId")).longValue();
        DrawRecord record = mapper.draw(id);
        if (record == null || !"committed".equals(record.status())) {
            throw new IllegalStateException("Draw " + id + " is not waiting to be drawn");
        }
        InspectionItem item = mapper.item(record.itemCode());
        if (item == null || !item.published()) {
            throw new RuleViolation("item-not-listed", "抽查事项已不在公布的随机抽查事项清单中，不得开展检查（国办发〔2015〕58号二(一)）",
                    "The item is no longer on the published list");
        }
        Set<String> kinds = Set.copyOf(item.kinds());
        List<DrawAlgorithm.Candidate> population = mapper.entities().stream()
                .filter(e -> e.active() && kinds.contains(e.kind()))
                .map(e -> new DrawAlgorithm.Candidate(e.id(), e.riskClass())).toList();
        if (population.isEmpty()) {
            throw new RuleViolation("empty-population", "检查对象名录库中没有该抽查事项适用的检查对象", "The registry holds no entity this item applies to");
        }
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        for (DrawAlgorithm.Candidate candidate : population) {
            rates.computeIfAbsent(candidate.riskClass(), this::sampleRate);
        }
        // who may be drawn: an active officer of a pool department whose credential covers inspection and stays valid on
        // every day the approved plan leaves for the inspection, from today (or the plan's start) to the plan's end — an
        // inspector drawn for the period must be able to inspect lawfully in it (行政处罚法第四十二条、第五十五条;
        // RULES 5.8: an expired credential blocks the assignment). A credential is valid over one interval of days, so
        // the first and the last day decide.
        LocalDate planStart = clock.toDate(Vars.requireText(execution, "planPeriodStart", "检查开始日期"));
        LocalDate firstDay = planStart.isAfter(clock.today()) ? planStart : clock.today();
        LocalDate lastDay = clock.toDate(Vars.requireText(execution, "planPeriodEnd", "检查结束日期"));
        Set<String> inspectors = new LinkedHashSet<>();
        Map<String, PoolOfficer> pool = new TreeMap<>();
        for (String department : List.of(Vars.requireText(execution, "inspectorPool", "检查人员名录").split(","))) {
            for (Credential credential : organization.validCredentials(department, firstDay)) {
                Officer officer = organization.officer(credential.userId()).filter(Officer::active).orElse(null);
                if (credential.covers("inspection") && credential.isValidOn(lastDay) && officer != null) {
                    inspectors.add(credential.userId());
                    // the credential that qualified the officer, kept with the draw: the public sees officers by it
                    // (verify), and a credential suspended or edited later must not change what the draw was made from
                    pool.putIfAbsent(credential.userId(), new PoolOfficer(credential.userId(), officer.name(),
                            credential.credentialNo()));
                }
            }
        }
        Set<String> ids = new LinkedHashSet<>(population.stream().map(DrawAlgorithm.Candidate::id).toList());
        List<DrawAlgorithm.Conflict> conflicts = mapper.conflicts().stream()
                .filter(c -> inspectors.contains(c.userId()) && ids.contains(c.entityId()))
                .map(c -> new DrawAlgorithm.Conflict(c.userId(), c.entityId())).toList();
        DrawAlgorithm.Inputs inputs = DrawAlgorithm.inputs(record.businessKey(), record.itemCode(), population, rates,
                List.copyOf(inspectors), conflicts, policy.inspectorsPerTarget());
        List<DrawAlgorithm.Target> targets = DrawAlgorithm.run(record.seed(), inputs);
        if (targets.isEmpty()) {
            throw new RuleViolation("no-targets", "按抽查比例未抽取到检查对象", "The sample rates select no target");
        }
        String inputsJson = write(inputs);
        String resultJson = write(targets);
        String digest = digest(inputsJson, resultJson, record.seed());
        if (mapper.recordDraw(id, inputsJson, resultJson, digest, clock.now(), write(List.copyOf(pool.values()))) != 1) {
            throw new IllegalStateException("Draw " + id + " was recorded concurrently");
        }
        execution.setVariable("drawDigest", digest);
        execution.setVariable("targetCount", targets.size());
    }

    /** The multi-instance collection of the inspection: the drawn targets' ids, in draw order. */
    public List<String> targetIds(DelegateExecution execution) {
        return targets(((Number) execution.getVariable("drawId")).longValue()).stream().map(DrawAlgorithm.Target::id).toList();
    }

    List<DrawAlgorithm.Target> targets(long drawId) {
        DrawRecord record = mapper.draw(drawId);
        if (record == null || record.resultJson() == null) {
            throw new IllegalStateException("Draw " + drawId + " has no result");
        }
        return read(record.resultJson(), new TypeReference<List<DrawAlgorithm.Target>>() { });
    }

    DrawAlgorithm.Target target(long drawId, String entityId) {
        return targets(drawId).stream().filter(t -> t.id().equals(entityId)).findFirst()
                .orElseThrow(() -> new IllegalStateException(entityId + " was not drawn in " + drawId));
    }

    /**
     * The inspectors of a drawn target with the conflicts declared for it until now (those recorded at the draw and any
     * declared since): {@link DrawAlgorithm#reassign}. Empty when fewer than the required number remain.
     */
    List<String> inspectorsNow(long drawId, String targetId) {
        DrawRecord record = mapper.draw(drawId);
        DrawAlgorithm.Inputs inputs = read(record.inputsJson(), DrawAlgorithm.Inputs.class);
        Set<String> conflicted = new LinkedHashSet<>();
        inputs.conflicts().stream().filter(c -> c.entityId().equals(targetId)).forEach(c -> conflicted.add(c.inspector()));
        mapper.conflicts().stream().filter(c -> c.entityId().equals(targetId)).forEach(c -> conflicted.add(c.userId()));
        return DrawAlgorithm.reassign(record.seed(), inputs, targetId, conflicted);
    }

    /**
     * Re-runs a draw from its record; anyone may ask. A draw not yet made reveals only its commitment.
     * <p>
     * The answer never names an officer by login id: a login id is half of a credential to the Camunda login, and the
     * public is entitled to an officer's name and 执法证件号 (国办发〔2018〕118号二(五)), which it can check at
     * {@code /api/public/officers/{credentialNo}}. The record itself stays as it was drawn — the digest anchored in the
     * case's history covers its user ids, so the checks are made here over exactly what was recorded. What is shown is a
     * relabelling: each inspector becomes his ordinal in the pool sorted by user id (the order step 3 starts from),
     * with the name and credential number that qualified him at the draw. The algorithm uses inspectors only through
     * that order and through equality (conflicts), so anyone re-running it on the ordinals gets the shown result,
     * ordinal for ordinal (tools/draw-verify/verify_draw.py does). The ordinals reveal only how hidden ids compare.
     * A record that cannot be read is shown as null, never as its raw text.
     */
    Map<String, Object> verify(long id) {
        DrawRecord record = mapper.draw(id);
        if (record == null) {
            throw ApiException.notFound("未找到抽取记录 " + id, "No draw " + id);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("drawId", record.id());
        result.put("caseNumber", cases.find(record.businessKey()).map(CaseInfo::caseNumber).orElse(null));
        result.put("businessKey", record.businessKey());
        result.put("itemCode", record.itemCode());
        InspectionItem item = mapper.item(record.itemCode());
        result.put("itemName", item == null ? null : item.name());
        result.put("status", record.status());
        result.put("algorithm", record.algorithm());
        result.put("algorithmDescription", "种子32字节，承诺值为种子的SHA-256；随机数为 SHA-256(种子‖标签‖0x00‖计数器) 前8字节，"
                + "拒绝采样得到均匀整数；各风险等级按抽查比例向上取整确定抽取数，以部分 Fisher–Yates 洗牌抽取检查对象；"
                + "每个对象以完全洗牌的检查人员名录依次选派，跳过申报回避的人员。检查人员以序号（ordinal，名录按内部用户标识排序后的位次）"
                + "及姓名、执法证件号表示，可按序号重新运算。详见 docs/random-draw.md");
        result.put("commitment", record.commitment());
        result.put("committedAt", record.committedAt());
        if (!"drawn".equals(record.status())) {
            result.put("message", "committed".equals(record.status()) ? "尚未抽取：种子已承诺，抽取后公开" : "该计划已调整，本承诺作废，种子未使用");
            result.put("intact", null);
            return result;
        }
        result.put("seed", record.seed());
        result.put("drawnAt", record.drawnAt());
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("commitmentMatchesSeed", safe(() -> DrawAlgorithm.commitment(record.seed()).equals(record.commitment())));
        checks.put("committedBeforeDraw", !record.committedAt().after(record.drawnAt()));
        checks.put("recordMatchesDigest", safe(() -> digest(record.inputsJson(), record.resultJson(), record.seed())
                .equals(record.recordDigest())));
        checks.put("anchoredInCaseHistory", safe(() -> anchored(record)));
        List<DrawAlgorithm.Target> recomputed = null;
        try {
            recomputed = DrawAlgorithm.run(record.seed(), read(record.inputsJson(), DrawAlgorithm.Inputs.class));
            checks.put("resultReproduced", recomputed.equals(read(record.resultJson(),
                    new TypeReference<List<DrawAlgorithm.Target>>() { })));
        } catch (RuntimeException e) {
            checks.put("resultReproduced", false);
        }
        DrawAlgorithm.Inputs inputs = readOrNull(record.inputsJson(), DrawAlgorithm.Inputs.class);
        List<DrawAlgorithm.Target> recorded = readOrNull(record.resultJson(), new TypeReference<List<DrawAlgorithm.Target>>() { });
        List<String> order = inputs == null || inputs.inspectors() == null ? List.of()
                : inputs.inspectors().stream().distinct().sorted().toList();
        Function<String, Map<String, Object>> officers = publicOfficers(record, order);
        result.put("inputs", inputs == null ? null : publicInputs(inputs, order, officers));
        result.put("recordedResult", recorded == null ? null : publicResult(recorded, officers));
        result.put("recomputedResult", recomputed == null ? null : publicResult(recomputed, officers));
        Map<String, String> names = new LinkedHashMap<>();
        if (recomputed != null) {
            recomputed.forEach(t -> {
                RegulatedEntity entity = mapper.entity(t.id());
                names.put(t.id(), entity == null ? null : entity.name());
            });
        }
        result.put("targetNames", names);
        result.put("checks", checks);
        result.put("intact", checks.values().stream().allMatch(Boolean::booleanValue));
        return result;
    }

    // ---------------------------------------------------------------- the public view of a draw (verify)

    /**
     * Each user id of a draw as the public sees it: ordinal in the pool (null for someone outside it, as in a tampered
     * record), name and credential number. Draws recorded before the pool was kept (no pool_json) take the officer's
     * credential covering inspection that was within its validity on the draw day, whatever its status now.
     */
    private Function<String, Map<String, Object>> publicOfficers(DrawRecord record, List<String> order) {
        Map<String, PoolOfficer> recorded = new HashMap<>();
        List<PoolOfficer> pool = record.poolJson() == null ? null
                : readOrNull(record.poolJson(), new TypeReference<List<PoolOfficer>>() { });
        if (pool != null) {
            pool.forEach(o -> recorded.put(o.inspector(), o));
        }
        LocalDate drawDay = clock.toDate(record.drawnAt());
        Map<String, Map<String, Object>> views = new HashMap<>();
        return userId -> views.computeIfAbsent(userId, u -> {
            PoolOfficer officer = recorded.containsKey(u) ? recorded.get(u) : officerOn(u, drawDay);
            Map<String, Object> view = new LinkedHashMap<>();
            int index = order.indexOf(u);
            view.put("ordinal", index < 0 ? null : index + 1);
            view.put("name", officer.name());
            view.put("credentialNo", officer.credentialNo());
            return view;
        });
    }

    private PoolOfficer officerOn(String userId, LocalDate day) {
        String name = organization.officer(userId).map(Officer::name).orElse(null);
        String credentialNo = organization.credentialsOf(userId).stream()
                .filter(c -> c.covers("inspection") && !day.isBefore(c.validFrom()) && !day.isAfter(c.validTo()))
                .max(Comparator.comparing(Credential::validTo)).map(Credential::credentialNo).orElse(null);
        return new PoolOfficer(userId, name, credentialNo);
    }

    private static Map<String, Object> publicInputs(DrawAlgorithm.Inputs inputs, List<String> order,
                                                    Function<String, Map<String, Object>> officers) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("algorithm", inputs.algorithm());
        view.put("businessKey", inputs.businessKey());
        view.put("itemCode", inputs.itemCode());
        view.put("population", inputs.population());
        view.put("sampleRates", inputs.sampleRates());
        view.put("inspectors", order.stream().map(officers).toList());
        view.put("conflicts", inputs.conflicts() == null ? null : inputs.conflicts().stream().map(c -> {
            Map<String, Object> conflict = new LinkedHashMap<>();
            conflict.put("ordinal", officers.apply(c.inspector()).get("ordinal"));
            conflict.put("entityId", c.entityId());
            return conflict;
        }).toList());
        view.put("inspectorsPerTarget", inputs.inspectorsPerTarget());
        return view;
    }

    private static List<Map<String, Object>> publicResult(List<DrawAlgorithm.Target> targets,
                                                          Function<String, Map<String, Object>> officers) {
        return targets.stream().map(t -> {
            Map<String, Object> target = new LinkedHashMap<>();
            target.put("id", t.id());
            target.put("riskClass", t.riskClass());
            target.put("inspectors", t.inspectors() == null ? null : t.inspectors().stream().map(officers).toList());
            target.put("skipped", t.skipped() == null ? null : t.skipped().stream().map(officers).toList());
            return target;
        }).toList();
    }

    // ---------------------------------------------------------------- helpers

    private List<String> pool(DelegateTask task) {
        List<String> departments = Vars.list(task, "inspectorDepartments");
        if (departments.isEmpty()) {
            throw Vars.missing("inspectorDepartments", "检查人员名录（执法部门）");
        }
        for (String id : departments) {
            Department department = organization.department(id).orElseThrow(() -> new RuleViolation("unknown-department",
                    "部门 " + id + " 不存在", "No department " + id));
            if (!"enforcement".equals(department.kind())) {
                throw new RuleViolation("not-enforcement-department", department.name() + " 不是执法部门，其人员不能列入执法检查人员名录",
                        department.id() + " is not an enforcement department");
            }
        }
        return departments;
    }

    private BigDecimal sampleRate(String riskClass) {
        DmnDecisionResult result = Context.getCommandContext().runWithoutAuthorization(() -> decisionService
                .evaluateDecisionByKey(DECISION).variables(Map.of("riskClass", riskClass)).evaluate());
        if (result.isEmpty()) {
            throw new RuleViolation("no-sample-rate", "抽查比例表（sample-rate）没有风险等级“" + riskClass + "”的规则",
                    "DMN sample-rate has no rule for risk class " + riskClass);
        }
        Object rate = result.getSingleResult().getEntryMap().get("sampleRate");
        return new BigDecimal(rate.toString());
    }

    private boolean anchored(DrawRecord record) {
        CaseInfo info = cases.find(record.businessKey()).orElse(null);
        if (info == null) {
            return false;
        }
        Map<String, Object> anchors = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(info.processInstanceId()).variableNameIn("drawId", "seedCommitment", "drawDigest").list()) {
            anchors.put(variable.getName(), variable.getValue());
        }
        return anchors.get("drawId") instanceof Number n && n.longValue() == record.id()
                && record.commitment().equals(anchors.get("seedCommitment"))
                && record.recordDigest().equals(anchors.get("drawDigest"));
    }

    static String digest(String inputsJson, String resultJson, String seed) {
        return DrawAlgorithm.sha256Hex(inputsJson + "\n" + resultJson + "\n" + seed);
    }

    private static boolean safe(java.util.function.BooleanSupplier check) {
        try {
            return check.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable draw record", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable draw record", e);
        }
    }

    private static <T> T readOrNull(String json, Class<T> type) {
        try {
            return json == null ? null : read(json, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static <T> T readOrNull(String json, TypeReference<T> type) {
        try {
            return json == null ? null : read(json, type);
        } catch (RuntimeException e) {
            return null;
        }
    }

}
