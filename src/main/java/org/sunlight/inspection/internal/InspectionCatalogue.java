package org.sunlight.inspection.internal;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.annotation.Lazy;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.StatutoryClock;

/**
 * The lists a random inspection draws from: the random-inspection item list, the registry of regulated entities and the
 * declared conflicts of interest. Administrators maintain the first two; officers declare their own conflicts.
 */
@Service
class InspectionCatalogue {

    private final InspectionMapper mapper;
    private final Organization organization;
    private final StatutoryClock clock;
    private final InspectionRules rules;
    private final ProcessEngine engine;

    InspectionCatalogue(InspectionMapper mapper, Organization organization, StatutoryClock clock,
                        @Lazy InspectionRules rules, @Lazy ProcessEngine engine) {
        this.rules = rules;
        this.engine = engine;
        this.mapper = mapper;
        this.organization = organization;
        this.clock = clock;
    }

    List<InspectionItem> items() {
        return mapper.items();
    }

    List<InspectionItem> publishedItems() {
        return mapper.items().stream().filter(InspectionItem::published).toList();
    }

    @Transactional
    InspectionItem saveItem(String code, String name, String legalBasis, String content, List<String> targetKinds,
                            boolean published, String userId) {
        for (String kind : targetKinds) {
            if (!RegulatedEntity.KINDS.containsKey(kind)) {
                throw ApiException.badRequest("invalid-kind", "检查对象类别无效：" + kind, "Unknown entity kind " + kind);
            }
        }
        if (targetKinds.isEmpty()) {
            throw ApiException.badRequest("no-kind", "请选择适用的检查对象类别", "At least one entity kind is required");
        }
        InspectionItem item = new InspectionItem(code, name, legalBasis, content, String.join(",", targetKinds), published,
                clock.now(), userId);
        if (mapper.updateItem(item) == 0) {
            mapper.insertItem(item);
        }
        return mapper.item(code);
    }

    List<RegulatedEntity> entities() {
        return mapper.entities();
    }

    @Transactional
    RegulatedEntity saveEntity(String id, String name, String kind, String riskClass, String address, boolean active,
                               String userId) {
        if (!PartyChecks.isCreditCode(id)) {
            throw ApiException.badRequest("invalid-credit-code", "统一社会信用代码格式或校验位错误", "Invalid unified social credit code");
        }
        if (!RegulatedEntity.KINDS.containsKey(kind)) {
            throw ApiException.badRequest("invalid-kind", "检查对象类别无效：" + kind, "Unknown entity kind " + kind);
        }
        if (!RegulatedEntity.RISK_CLASSES.containsKey(riskClass)) {
            throw ApiException.badRequest("invalid-risk-class", "风险等级无效：" + riskClass, "Unknown risk class " + riskClass);
        }
        RegulatedEntity entity = new RegulatedEntity(id.toUpperCase(), name, kind, riskClass, address, active, clock.now(), userId);
        if (mapper.updateEntity(entity) == 0) {
            mapper.insertEntity(entity);
        }
        return mapper.entity(entity.id());
    }

    /** What the user may see: their own declarations, or all of them for those who read every case. */
    List<InspectionConflict> conflicts(StaffUser user) {
        return user.readsAllCases() ? mapper.conflicts() : mapper.conflictsOf(user.userId());
    }

    /**
     * An inspector declares a conflict of interest with an entity (回避, 行政处罚法第四十三条; RULES 5.6): from then on
     * every draw skips the inspector for that entity. Officers declare for themselves; administrators for anyone.
     */
    @Transactional
    InspectionConflict declare(StaffUser user, String userId, String entityId, String reason) {
        String inspector = userId == null || userId.isBlank() ? user.userId() : userId;
        if (!inspector.equals(user.userId()) && !user.isAdmin()) {
            throw ApiException.forbidden("只能申报本人的利害关系回避", "Officers declare only their own conflicts");
        }
        if (organization.officer(inspector).isEmpty()) {
            throw ApiException.badRequest("unknown-officer", "执法人员 " + inspector + " 不存在", "No officer " + inspector);
        }
        String entity = entityId.toUpperCase();
        if (mapper.entity(entity) == null) {
            throw ApiException.badRequest("unknown-entity", "名录库中没有统一社会信用代码为 " + entity + " 的检查对象",
                    "No regulated entity " + entity);
        }
        if (mapper.conflictCount(inspector, entity) > 0) {
            throw new ApiException(409, "conflict-declared", "该回避已申报", "This conflict is already declared");
        }
        InspectionConflict conflict = new InspectionConflict(inspector, entity, reason, user.userId(), clock.now());
        mapper.insertConflict(conflict);
        // an inspector already drawn for the entity is replaced in its open inspections, as the system's act on the
        // declaration (the declaring officer may not reassign tasks himself)
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired().execute(context ->
                context.runWithoutAuthorization(() -> {
                    rules.reassignAfterConflict(inspector, entity);
                    return null;
                }));
        return conflict;
    }
}
