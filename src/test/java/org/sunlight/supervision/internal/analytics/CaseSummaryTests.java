package org.sunlight.supervision.internal.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sunlight.supervision.GeneratedHistory.closed;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.supervision.GeneratedHistory;
import org.sunlight.supervision.GeneratedHistory.Case;

/**
 * sl_case_summary: a case that ends through the engine gets exactly one summary row in the closing transaction, with
 * the values the analytics used to read from the engine's history; cases whose rows were written without one (closed
 * before the table existed) are filled in by the backfill, once.
 */
class CaseSummaryTests extends ProcessTest {

    @Autowired CaseSummaries summaries;
    @Autowired CaseSummaryMapper mapper;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aCaseEndingWritesExactlyOneSummaryRowWithItsFacts() {
        ProcessInstance c = start("zhangsan", "penalty-general", Map.of("caseSource", "inspection",
                "partyType", "organization", "partyName", "沈阳某某建设工程有限公司", "partyIdNumber", "91210100MA0Y6XQ12A",
                "partyAddress", "沈阳市和平区南京北街1号", "partyPhone", "024-23456789", "violationCode", "quality-59",
                "violationDate", "2026-02-10", "discoveredDate", "2026-02-27", "caseSummary", "某住宅工程竣工验收后三个月未向城建档案馆移交建设项目档案"));
        submit("zhaoliu", c, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false,
                "filingOpinion", ""));
        attachVideo("zhangsan", c, "Task_Investigation");
        submit("zhangsan", c, "Task_Investigation", Map.of("officer1Credential", "21010020230001",
                "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问〔2026〕3号",
                "inspectionRecordNo", "", "evidenceSummary", "询问笔录1份；现场照片6张；档案馆证明1份"));
        submit("zhangsan", c, "Task_InvestigationReport", Map.ofEntries(
                Map.entry("factsFound", "当事人作为建设单位，工程竣工验收后未按规定移交建设项目档案"),
                Map.entry("violationCode", "quality-59"), Map.entry("consequence", "none"),
                Map.entry("rectified", true), Map.entry("repeatOffense", false),
                Map.entry("majorPublicInterest", false), Map.entry("majorSocialImpact", false),
                Map.entry("majorThirdPartyRights", false), Map.entry("complexCase", true), // legal review required
                Map.entry("seriousCase", false)));
        submit("zhangsan", c, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 30000,
                "otherMeasures", "责令限期移交档案", "deviationReason", ""));
        submit("zhangsan", c, "Task_PriorNotice", Map.of("noticeDocumentNo", "市建罚告〔2026〕7号",
                "noticeDeliveryMethod", "direct", "noticeDeliveredDate", "2026-03-02"));
        fireTimer(c, "Event_ResponseWindowExpired", endOf(LocalDate.of(2026, 3, 9)));
        submit("wangwu", c, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "事实清楚，证据充分，同意。"),
                Map.entry("reviewConclusion", "approved")));
        submit("zhaoliu", c, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                "finalFine", 30000, "decisionDocumentNo", "市建罚决〔2026〕7号", "decisionOpinion", "同意"));
        submit("zhangsan", c, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", "2026-03-10",
                "deliveryReceiptNo", "送达〔2026〕7号"));
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        submit("zhangsan", c, "Task_ConfirmPayment", Map.of("paidDate", "2026-03-20", "paidAmount", 30000,
                "paymentReceiptNo", "非税〔2026〕88号"));
        String key = c.getBusinessKey();
        assertThat(count(key)).as("no summary while the case is open").isZero();

        submit("zhaoliu", c, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "执行完毕，同意结案"));

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(c.getId()).singleResult()
                .getEndTime()).as("case closed").isNotNull();
        assertThat(count(key)).as("one summary, written with the closure").isEqualTo(1);
        CaseSummary s = mapper.find(key);
        assertThat(s.status()).isEqualTo("closed");
        assertThat(s.processKey()).isEqualTo("penalty-general");
        assertThat(s.category()).isEqualTo("penalty");
        assertThat(s.handlerId()).isEqualTo("zhangsan");
        assertThat(s.partyName()).isEqualTo("沈阳某某建设工程有限公司");
        assertThat(s.endedAt()).isNotNull();
        // the period of sunlight.supervision.watch.procedures.penalty-general, as the engine recorded it
        assertThat(s.periodStartMs()).isEqualTo(dateVariable(c, "filingDate"));
        assertThat(s.periodEndMs()).isEqualTo(dateVariable(c, "decisionDate"));
        assertThat(s.periodDueMs()).isEqualTo(dateVariable(c, "decisionDeadline")).isNotNull();
        assertThat(s.decisionRecorded()).isTrue();
        assertThat(s.hearingHeld()).isFalse();
        assertThat(s.legalReviews()).isEqualTo(1);
        assertThat(s.legalReviewsEnded()).isEqualTo(1);
        assertThat(s.legalReviewsRejected()).isZero();
        assertThat(s.fineAmount()).isEqualTo(30000.0);
        assertThat(s.minFine()).isEqualTo(number(c, "minFine")).isNotNull();
        assertThat(s.maxFine()).isEqualTo(number(c, "maxFine")).isNotNull();
        assertThat(s.inspectionResult()).isNull();

        summaries.backfill();
        summaries.ended(c.getId());
        assertThat(count(key)).as("still one summary").isEqualTo(1);
    }

    @Test
    void theBackfillSummarizesCasesClosedBeforeTheTableExistedOnce() {
        String department = "gen" + UUID.randomUUID().toString().substring(0, 8);
        Date started = instant(LocalDateTime.of(2025, 5, 6, 9, 0));
        Date decided = instant(LocalDateTime.of(2025, 6, 16, 9, 0));
        Date due = endOf(LocalDate.of(2025, 8, 4));
        Date ended = instant(LocalDateTime.of(2025, 7, 1, 9, 0));
        Case penalty = closed(GeneratedHistory.newKey("CF"), "penalty-general", "penalty", department, "lisi", "甲公司",
                started, ended).with("filingDate", started).with("decisionDate", decided).with("decisionDeadline", due)
                .with("fineAmount", 12_000.0).with("minFine", 10_000).with("maxFine", 30_000.0)
                .with("hearingHeld", true);
        Case inspection = closed(GeneratedHistory.newKey("JC"), "inspection", "inspection", department, "zhangsan",
                "乙公司", started, ended).with("result", "rectify").with("handlingDecision", "none");
        Case open = new Case(GeneratedHistory.newKey("CF"), "penalty-general", "penalty", department, "lisi", "丙公司",
                started, null, Map.of());
        new GeneratedHistory(jdbc).add(penalty).legalReview(penalty, false).legalReview(penalty, true)
                .add(inspection).add(open).flush();
        assertThat(count(penalty.key()) + count(inspection.key())).as("closed before the table existed").isZero();

        assertThat(summaries.backfill()).isGreaterThanOrEqualTo(2);

        CaseSummary p = mapper.find(penalty.key());
        assertThat(p.status()).isEqualTo("closed");
        assertThat(p.departmentId()).isEqualTo(department);
        assertThat(p.startedAt()).isEqualTo(started);
        assertThat(p.endedAt()).isEqualTo(ended);
        assertThat(p.periodStartMs()).isEqualTo(started.getTime());
        assertThat(p.periodEndMs()).isEqualTo(decided.getTime());
        assertThat(p.periodDueMs()).isEqualTo(due.getTime());
        assertThat(p.decisionRecorded()).isTrue();
        assertThat(p.hearingHeld()).isTrue();
        assertThat(p.legalReviews()).isEqualTo(2);
        assertThat(p.legalReviewsEnded()).isEqualTo(2);
        assertThat(p.legalReviewsRejected()).isEqualTo(1);
        assertThat(p.fineAmount()).isEqualTo(12_000.0);
        assertThat(p.minFine()).as("an integer variable (LONG_)").isEqualTo(10_000.0);
        assertThat(p.maxFine()).isEqualTo(30_000.0);

        CaseSummary i = mapper.find(inspection.key());
        assertThat(i.inspectionResult()).isEqualTo("rectify");
        assertThat(i.handlingDecision()).isEqualTo("none");
        assertThat(i.decisionRecorded()).isFalse();
        assertThat(i.periodStartMs()).as("inspections have no watched period").isNull();
        assertThat(i.legalReviews()).isZero();

        assertThat(count(open.key())).as("open cases have no summary").isZero();
        assertThat(summaries.backfill()).as("nothing left to fill").isZero();
        assertThat(count(penalty.key())).isEqualTo(1);
        assertThat(mapper.missing()).isZero();
    }

    private int count(String businessKey) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sl_case_summary WHERE business_key = ?", Integer.class,
                businessKey);
    }

    private HistoricVariableInstance historic(ProcessInstance c, String name) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(c.getId()).variableName(name)
                .singleResult();
    }

    private Long dateVariable(ProcessInstance c, String name) {
        HistoricVariableInstance v = historic(c, name);
        return v == null ? null : ((Date) v.getValue()).getTime();
    }

    private Double number(ProcessInstance c, String name) {
        HistoricVariableInstance v = historic(c, name);
        return v == null ? null : ((Number) v.getValue()).doubleValue();
    }
}
