package org.sunlight.review.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/**
 * The eight points of legal review (国办发〔2018〕118号 四(十三), RULES 1.16), each answered "ok" or "problem", and a
 * written opinion. A review that finds a problem cannot approve; the outcome goes back to the calling case as
 * {@code reviewApproved}, {@code reviewOpinion} and {@code reviewerId}.
 */
@Component("reviewChecklist")
public class ReviewChecklist {

    static final Map<String, String> POINTS = new LinkedHashMap<>();

    static {
        POINTS.put("checkSubject", "执法主体是否合法");
        POINTS.put("checkQualification", "执法人员是否具备执法资格");
        POINTS.put("checkProcedure", "执法程序是否合法");
        POINTS.put("checkFacts", "案件事实是否清楚，证据是否合法充分");
        POINTS.put("checkLaw", "适用法律、法规、规章是否准确，裁量基准运用是否适当");
        POINTS.put("checkAuthority", "执法是否超越本机关法定权限");
        POINTS.put("checkDocuments", "行政执法文书是否完备、规范");
        POINTS.put("checkCriminal", "违法行为是否涉嫌犯罪、需要移送司法机关");
    }

    private final StatutoryClock clock;

    ReviewChecklist(StatutoryClock clock) {
        this.clock = clock;
    }

    public void conclude(DelegateTask task) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> point : POINTS.entrySet()) {
            String answer = Vars.requireOneOf(task, point.getKey(), point.getValue(), Set.of("ok", "problem"));
            if ("problem".equals(answer)) {
                problems.add(point.getValue());
            }
        }
        String opinion = Vars.requireText(task, "reviewOpinion", "审核意见");
        String conclusion = Vars.requireOneOf(task, "reviewConclusion", "审核结论", Set.of("approved", "rejected"));
        if ("approved".equals(conclusion) && !problems.isEmpty()) {
            throw new RuleViolation("approved-with-problems", "审核发现问题（" + String.join("；", problems) + "），不能作出同意的结论",
                    "The review found problems and cannot approve");
        }
        DelegateExecution execution = task.getExecution();
        execution.setVariable("reviewApproved", "approved".equals(conclusion));
        execution.setVariable("reviewOpinion", opinion);
        execution.setVariable("reviewerId", reviewer(task));
        execution.setVariable("reviewedAt", clock.now());
    }

    private static String reviewer(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null && current.getUserId() != null ? current.getUserId() : task.getAssignee();
    }
}
