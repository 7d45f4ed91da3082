package org.sunlight.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.sunlight.ProcessTest;
import org.sunlight.supervision.internal.watch.DeadlineWatchProbe;
import org.sunlight.supervision.internal.watch.DeadlineWatchProbe.Row;

/**
 * The deadline watch (期限监督) of a licence handled uniformly, jointly or centrally: its statutory limit is the 45
 * working days of 行政许可法第四十二条第二款 with that article, and the department's promise of 10 working days for its
 * own applications (服务指南) does not bind it, so it is neither shown nor escalated as overdue on that promise.
 */
class LicensingJointWatchTests extends ProcessTest {

    @Autowired DeadlineWatchProbe watch;

    ProcessInstance accepted(String received, String mode) {
        Map<String, Object> application = new HashMap<>(Map.ofEntries(Map.entry("licenceMatter", "general"),
                Map.entry("licenceMatterName", "城市建筑垃圾处置核准"), Map.entry("partyType", "organization"),
                Map.entry("partyName", "沈阳某某运输有限公司"), Map.entry("partyIdNumber", "91210100MA0Y6XQ12A"),
                Map.entry("partyAddress", "沈阳市沈河区青年大街2号"), Map.entry("submittedMaterials", List.of("applicationForm")),
                Map.entry("receivedDate", received)));
        if (mode != null) {
            application.put("handlingMode", mode);
            application.put("jointHandlingBasis", "《某市人民政府关于城市建筑垃圾处置核准联合办理的通知》（某政发〔2026〕3号）");
        }
        ProcessInstance c = start("zhangsan", "licensing", application);
        submit("zhangsan", c, "Task_AcceptanceReview", Map.of("acceptanceDecision", "accept", "acceptanceNoticeNo", "市建许受〔2026〕21号"));
        return c;
    }

    @Test
    void aJointLicenceIsWatchedAgainstFortyFiveWorkingDaysAndNotAgainstTheOrdinaryPromise() {
        String joint = accepted("2026-03-02", "joint").getBusinessKey();
        String ordinary = accepted("2026-03-02", null).getBusinessKey();

        // Tuesday 03-17: past the ordinary promise (10 working days, Monday 03-16), far from 45 working days
        at(LocalDateTime.of(2026, 3, 17, 10, 0));
        assertThat(watch.row(ordinary, "promised", null).state()).isEqualTo("overdue");
        assertThat(watch.rows(joint)).isEmpty();

        // Wednesday 05-06: the 45 working days end on Friday 05-08 (past Qingming and Labour Day), within the warning window
        at(LocalDateTime.of(2026, 5, 6, 10, 0));
        Row statutory = watch.row(joint, "statutory", null);
        assertThat(statutory.state()).isEqualTo("nearing");
        assertThat(statutory.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 5, 8)));
        assertThat(statutory.basis()).contains("第四十二条第二款").contains("四十五个工作日");
        assertThat(watch.rows(joint)).noneMatch(r -> r.limitKind().equals("promised"));
        // the ordinary case keeps its 20 working days (Monday 03-30) and their article
        Row ordinaryStatutory = watch.row(ordinary, "statutory", null);
        assertThat(ordinaryStatutory.state()).isEqualTo("overdue");
        assertThat(ordinaryStatutory.dueAt()).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
        assertThat(ordinaryStatutory.basis()).contains("第四十二条第一款").contains("二十个工作日").doesNotContain("四十五个工作日");

        // Monday 05-11: past the 45 working days
        at(LocalDateTime.of(2026, 5, 11, 10, 0));
        assertThat(watch.row(joint, "statutory", null).state()).isEqualTo("overdue");
    }
}
