package org.sunlight.procedure.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;

/**
 * Refuses a deployment whose process or decision keeps its history for less than the legal retention period of case
 * records ({@code sunlight.retention}, RULES 1.14: archived under the archive rules, 118号三(九)). A definition that
 * names no time-to-live gets the retention as the engine's default; one that names a shorter one (Camunda Modeler
 * proposes 180 days) would have its history — the whole-process record — removed by the history cleanup.
 */
class DeploymentRetentionCheck implements Deployer {

    private static final Pattern DAYS = Pattern.compile("(?:P(\\d+)D|(\\d+))");

    private final int retentionDays;

    DeploymentRetentionCheck(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    static int days(String iso) {
        Integer days = daysOrNull(iso);
        if (days == null) {
            throw new IllegalArgumentException("sunlight.retention must be P<days>D: " + iso);
        }
        return days;
    }

    /** Whole days of a time-to-live as Camunda accepts it ("180" or "P180D"); null for anything else. */
    private static Integer daysOrNull(String ttl) {
        Matcher m = DAYS.matcher(ttl == null ? "" : ttl.trim());
        return m.matches() ? Integer.valueOf(m.group(1) != null ? m.group(1) : m.group(2)) : null;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        List<String> tooShort = new ArrayList<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
                for (Process p : Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                        .getModelElementsByType(Process.class)) {
                    check(p.getId(), p.getCamundaHistoryTimeToLiveString(), tooShort);
                }
            } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                for (Decision d : Dmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes()))
                        .getModelElementsByType(Decision.class)) {
                    check(d.getId(), d.getCamundaHistoryTimeToLiveString(), tooShort);
                }
            }
        }
        if (!tooShort.isEmpty()) {
            throw new BadUserRequestException("历史保存期限短于法定保存期限（" + retentionDays + " 天），执法全过程记录会被清理："
                    + String.join("、", tooShort) + "。请删除 historyTimeToLive（默认即为法定期限）或设为不少于 " + retentionDays
                    + " 天 / History time-to-live shorter than the legal retention of " + retentionDays
                    + " days would delete the whole-process record: " + String.join(", ", tooShort)
                    + "; remove historyTimeToLive (the default is the retention) or set it to at least " + retentionDays);
        }
    }

    private void check(String id, String ttl, List<String> tooShort) {
        Integer days = daysOrNull(ttl);
        // no value takes the retention; an expression or a malformed value is the engine's to refuse
        if (days != null && days < retentionDays) {
            tooShort.add(id + "=" + ttl.trim());
        }
    }
}
