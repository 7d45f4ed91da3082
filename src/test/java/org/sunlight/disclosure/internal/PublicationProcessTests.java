package org.sunlight.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.ProcessTest;
import org.sunlight.procedure.CaseDecided;
import org.sunlight.procedure.RuleViolation;

/**
 * A decision becomes a publication (事后公开): deadline from the DMN, masked text, review in Tasklist, escalation to the
 * leaders when overdue, withholding for minors and secrets, withdrawal within three working days, and an outbox event
 * for everything the public may see. The clock starts on Monday 2026-03-02 09:00.
 */
class PublicationProcessTests extends ProcessTest {

    @Autowired PublicationMapper publications;
    @Autowired OutboxMapper outbox;
    @Autowired Publications service;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired TransactionTemplate transaction;

    private PublicationRow publicationOf(ProcessInstance c) {
        List<PublicationRow> rows = publications.findOpenByCase(c.getBusinessKey());
        if (rows.isEmpty()) {
            return transaction.execute(s -> publications.searchStaff(null, null, new java.util.Date(), 1000, 0)).stream()
                    .filter(r -> r.businessKey.equals(c.getBusinessKey())).findFirst().orElseThrow();
        }
        return rows.get(0);
    }

    private Task reviewTask(PublicationRow row) {
        return taskService.createTaskQuery().processInstanceId(row.reviewInstanceId).singleResult();
    }

    private void complete(String user, Task task, Map<String, Object> values) {
        as(user);
        try {
            formService.submitTaskForm(task.getId(), values);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static Map<String, Object> publish(PublicationRow row) {
        return new HashMap<>(Map.of("publicMatter", row.matter, "publicResult", row.decisionResult,
                "publicLegalBasis", row.legalBasis, "reviewDecision", "publish"));
    }

    private List<OutboxRow> outboxOf(PublicationRow row) {
        return outbox.list(null, row.publicId, 100, 0);
    }

    @Test
    void aPenaltyDecisionIsReviewedWithinSevenWorkingDaysAndPublishedMasked() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());

        PublicationRow row = publicationOf(c);
        assertThat(row.status).isEqualTo("pending");
        assertThat(row.kind).isEqualTo("penalty");
        assertThat(row.kindName).isEqualTo("行政处罚决定");
        assertThat(row.periodDays).isEqualTo(7);
        // decided on Monday 2026-03-02: seven working days later is Wednesday 2026-03-11 (the decision day not counted)
        assertThat(row.dueAt).isEqualTo(endOf(LocalDate.of(2026, 3, 11)));
        assertThat(row.partyName).isEqualTo(DecidedCases.COMPANY);
        assertThat(row.partyCode).isEqualTo(DecidedCases.COMPANY_CODE);
        assertThat(row.decisionResult).isEqualTo("罚款人民币30000元");
        assertThat(row.documentNo).isEqualTo("市建罚决〔2026〕7号");
        assertThat(row.actingBody).isEqualTo("市城乡建设委员会");

        Task review = reviewTask(row);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_Review");
        assertThat(review.getAssignee()).isEqualTo("zhangsan");
        assertThat(review.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 11)));
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("zhifa");
        assertThat(timer(runtimeService.createProcessInstanceQuery().processInstanceId(row.reviewInstanceId)
                .singleResult(), "Event_PublicationOverdue").getDuedate()).isEqualTo(endOf(LocalDate.of(2026, 3, 11)));
        assertThat(outboxOf(row)).as("nothing leaves before the review").isEmpty();
        assertThat(service.view(row)).as("nothing public before the review").isNull();

        at(LocalDateTime.of(2026, 3, 4, 10, 0));
        complete("zhangsan", review, publish(row));

        PublicationRow published = publications.find(row.id);
        assertThat(published.status).isEqualTo("published");
        assertThat(published.publishedBy).isEqualTo("zhangsan");
        assertThat(published.publishedAt).isEqualTo(instant(LocalDateTime.of(2026, 3, 4, 10, 0)));
        PublicDecision view = service.view(published);
        assertThat(view.publishedOn()).isEqualTo(LocalDate.of(2026, 3, 4));
        assertThat(view.categoryName()).isEqualTo("行政处罚");
        assertThat(view.departmentName()).isEqualTo("建设执法支队");
        assertThat(outboxOf(row)).singleElement().satisfies(e -> {
            assertThat(e.eventType()).isEqualTo("decision-published");
            assertThat(e.status()).isEqualTo("pending");
            assertThat(e.payload()).contains(row.publicId, "罚款人民币30000元", e.eventId())
                    .doesNotContain(c.getBusinessKey());
        });
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(row.reviewInstanceId)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_Published");
    }

    @Test
    void freeTextIsMaskedBeforeReviewAndTheReviewerCannotUnmaskIt() {
        ProcessInstance c = DecidedCases.onSpotDecided(this, "刘建华", false,
                "施工现场未设置围挡，工人张三（身份证号码210102199001011237，手机13912345678）未佩戴安全帽");

        PublicationRow row = publicationOf(c);
        assertThat(row.partyName).as("the party's own name is published").isEqualTo("刘建华");
        assertThat(row.partyCode).as("a person's identity number is not").isNull();
        assertThat(row.matter).isEqualTo("施工现场未设置围挡，工人张某（身份证号码［身份证号码已隐去］，手机［电话号码已隐去］）未佩戴安全帽");
        Task review = reviewTask(row);
        assertThat(formService.getTaskFormVariables(review.getId()).getValue("maskingSummary", String.class))
                .contains("居民身份证号码 1 处", "手机号码 1 处");

        Map<String, Object> edited = publish(row);
        edited.put("publicMatter", "施工现场未设置围挡，工人张三（210102199001011237）未佩戴安全帽，其妻李娜在场");
        complete("zhangsan", review, edited);

        assertThat(publications.find(row.id).matter)
                // the spouse is a natural person other than the party: her name is hidden too (RULES 1.8)
                .isEqualTo("施工现场未设置围挡，工人张某（［身份证号码已隐去］）未佩戴安全帽，其妻李某在场")
                .doesNotContain("210102199001011237");
    }

    /**
     * The external check's 公示审查 text: an ID number in full-width digits and one split by spaces, a mobile with dots,
     * and the individual party's own stored address without a 住址 label — all were published verbatim (RULES 1.8;
     * 《政府信息公开条例》第十五条). The party's address is hidden already in the text the reviewer starts from.
     */
    @Test
    void theReviewTextIsMaskedInEveryWritingAndAgainstTheIndividualPartysOwnAddress() {
        ProcessInstance c = DecidedCases.onSpotDecided(this, "王小明", "110101199003071233", false,
                "当事人王小明在重庆市渝中区解放碑路88号门前堆放建筑材料", Map.of("partyAddress", "重庆市渝中区解放碑路88号",
                        "partyPhone", "13800138000"));
        PublicationRow row = publicationOf(c);
        assertThat(row.matter).isEqualTo("当事人王小明在［住址已隐去］门前堆放建筑材料");
        Task review = reviewTask(row);
        assertThat(formService.getTaskFormVariables(review.getId()).getValue("maskingSummary", String.class))
                .contains("当事人（自然人）本人的住址 1 处");

        Map<String, Object> edited = publish(row);
        edited.put("publicResult", "当事人身份证号１１０１０１１９９００３０７１２３３，另号110101 1990 0307 1233，"
                + "手机138.0013.8000，当事人王小明位于重庆市渝中区解放碑路88号");
        complete("zhangsan", review, edited);

        PublicationRow published = publications.find(row.id);
        String expected = "当事人身份证号［身份证号码已隐去］，另号［身份证号码已隐去］，手机［电话号码已隐去］，当事人王小明位于［住址已隐去］";
        assertThat(published.decisionResult).isEqualTo(expected);
        assertThat(service.view(published).result()).isEqualTo(expected);
        assertThat(outboxOf(row)).singleElement().satisfies(e -> assertThat(e.payload())
                .contains("［住址已隐去］").doesNotContain("解放碑路", "１１０１０１", "1990 0307", "138.0013", "0307 1233"));
    }

    @Test
    void correctionsAndTheirReasonsAreMaskedAgainstThePartysOwnDataTooAndReachThePublicMasked() {
        ProcessInstance c = DecidedCases.onSpotDecided(this, "王小明", "110101199003071233", false, "在施工现场未设置围挡",
                Map.of("partyAddress", "重庆市渝中区解放碑路88号", "partyPhone", "023-63831234"));
        PublicationRow row = publicationOf(c);
        complete("zhangsan", reviewTask(row), publish(row));

        org.sunlight.organization.StaffUser officer = new org.sunlight.organization.StaffUser("zhangsan",
                identityService.createGroupQuery().groupMember("zhangsan").list().stream()
                        .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        PublicDecision corrected = service.correct(row.publicId, new Publications.CorrectionRequest(null, null,
                "当事人在解放碑路88号门前未设置围挡", null, null,
                "更正，联系人王大锤电话13912345678，当事人座机63831234，住址重庆市渝中区解放碑路８８号"), officer);

        String reason = "更正，联系人王某电话［电话号码已隐去］，当事人座机［电话号码已隐去］，住址［住址已隐去］";
        assertThat(corrected.matter()).isEqualTo("当事人在［住址已隐去］门前未设置围挡");
        assertThat(corrected.corrections()).extracting(PublicDecision.Correction::reason).containsExactly(reason);
        assertThat(service.view(publications.find(row.id)).corrections()).extracting(PublicDecision.Correction::reason)
                .containsExactly(reason);
        assertThat(publications.events(row.id)).filteredOn(e -> e.action().equals("corrected")).singleElement()
                .satisfies(e -> assertThat(e.note()).as("stored masked").isEqualTo(reason));
        assertThat(outboxOf(row)).filteredOn(e -> e.eventType().equals("decision-corrected")).singleElement()
                .satisfies(e -> assertThat(e.payload()).contains(reason)
                        .doesNotContain("13912345678", "63831234", "解放碑路", "王大锤"));
    }

    @Test
    void aCorrectionReasonStoredUnmaskedBeforeIsMaskedWhenShown() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        complete("zhangsan", reviewTask(row), publish(row));
        PublicationRow published = publications.find(row.id);
        published.revision = 2;
        transaction.executeWithoutResult(s -> {
            publications.correct(published);
            publications.insertEvent(published, PublicationEvent.CORRECTED, "zhangsan", new java.util.Date(),
                    "更正，联系人王大锤电话13912345678");
        });

        assertThat(service.view(publications.find(row.id)).corrections()).extracting(PublicDecision.Correction::reason)
                .containsExactly("更正，联系人王某电话［电话号码已隐去］");
    }

    @Test
    void anOverduePublicationGoesToTheLeadersWhoPublishIt() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        ProcessInstance review = runtimeService.createProcessInstanceQuery().processInstanceId(row.reviewInstanceId)
                .singleResult();

        fireTimer(review, "Event_PublicationOverdue", endOf(LocalDate.of(2026, 3, 11)));

        assertThat(taskService.createTaskQuery().processInstanceId(row.reviewInstanceId).taskDefinitionKey("Task_Review")
                .count()).isZero();
        Task overdue = reviewTask(row);
        assertThat(overdue.getTaskDefinitionKey()).isEqualTo("Task_OverdueReview");
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        assertThat(publications.searchStaff("zhifa", "overdue", new java.util.Date(), 100, 0))
                .extracting(r -> r.publicId).contains(row.publicId);

        complete("zhaoliu", overdue, publish(row));

        assertThat(publications.find(row.id).status).isEqualTo("published");
        assertThat(publications.events(row.id)).filteredOn(e -> e.action().equals("published")).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("zhaoliu");
                    assertThat(e.note()).contains("逾期公示", "2026-03-11");
                });
    }

    @Test
    void aMinorPartyIsNeverPublished() {
        ProcessInstance c = DecidedCases.onSpotDecided(this, "王小明", true, "在施工现场攀爬塔吊");

        PublicationRow row = publicationOf(c);
        assertThat(row.status).isEqualTo("withheld");
        assertThat(row.withheldReason).contains("未成年人");
        assertThat(row.reviewInstanceId).isNull();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("publication")
                .processInstanceBusinessKey(c.getBusinessKey()).count()).isZero();
        assertThat(service.view(row)).isNull();
        assertThat(outboxOf(row)).isEmpty();
    }

    @Test
    void aMinorIsKnownByTheBirthDateInTheIdNumberEvenWhenTheBoxIsLeftUnticked() {
        // decided on 2026-03-02: born 2008-03-03 is 17 that day, born 2008-03-01 turned 18 the day before
        ProcessInstance child = DecidedCases.onSpotDecided(this, "李小华", "210103200803030036", false, "在施工现场攀爬塔吊");
        PublicationRow withheld = publicationOf(child);
        assertThat(withheld.status).isEqualTo("withheld");
        assertThat(withheld.withheldReason).contains("未成年人");
        assertThat(service.view(withheld)).isNull();
        assertThat(outboxOf(withheld)).isEmpty();

        ProcessInstance adult = DecidedCases.onSpotDecided(this, "李大华", "210103200803010035", false, "在施工现场攀爬塔吊");
        assertThat(publicationOf(adult).status).isEqualTo("pending");
    }

    @Test
    void secretsFlaggedInTheDecisionBlockPublication() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of("containsSecrets", true));

        PublicationRow row = publicationOf(c);
        assertThat(row.status).isEqualTo("withheld");
        assertThat(row.withheldReason).contains("第十四条", "第十五条");
        assertThat(row.reviewInstanceId).isNull();
        assertThat(outboxOf(row)).isEmpty();
    }

    @Test
    void withholdingAtReviewNeedsALegalGroundAndAReason() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        Task review = reviewTask(row);
        Map<String, Object> withhold = publish(row);
        withhold.put("reviewDecision", "withhold");

        assertThatThrownBy(() -> complete("zhangsan", review, withhold)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不予公开的依据");
        withhold.put("withholdGround", "third-party");
        withhold.put("withholdNote", "涉及相邻业主的个人隐私，第三方不同意公开");
        complete("zhangsan", review, withhold);

        PublicationRow withheld = publications.find(row.id);
        assertThat(withheld.status).isEqualTo("withheld");
        assertThat(withheld.withheldReason).contains("第十五条", "第三方不同意公开");
        assertThat(outboxOf(row)).isEmpty();
    }

    @Test
    void thePublicationProcessCannotBeStartedByHand() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        as("zhangsan");
        try {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("publication",
                    Map.of("publicationId", row.publicId, "handler", "zhangsan", "department", "zhifa",
                            "publicationDue", new java.util.Date())))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("不能手工发起");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("publication")
                .variableValueEquals("publicationId", row.publicId).count()).isEqualTo(1);
    }

    @Test
    void aRevokedDecisionIsWithdrawnWithinThreeWorkingDaysWithItsReasonPublished() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        complete("zhangsan", reviewTask(row), publish(row));

        // the reconsideration decision reaches the commission on Thursday 2026-03-26
        at(LocalDateTime.of(2026, 3, 26, 15, 0));
        ProcessInstance withdrawal = start("zhangsan", "publication-withdrawal", Map.of("caseNumber", row.caseNumber,
                "revocationKind", "revoked", "revocationBasis", "市人民政府行政复议决定书（市政复决〔2026〕12号）",
                "revokedOn", "2026-03-26"));

        assertThat(withdrawal.getBusinessKey()).isEqualTo(c.getBusinessKey());
        Task task = taskService.createTaskQuery().processInstanceId(withdrawal.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Withdraw");
        assertThat(task.getAssignee()).isEqualTo("zhangsan");
        // three working days after Thursday 2026-03-26: Tuesday 2026-03-31 (Art 48(2), Art 85)
        assertThat(task.getDueDate()).isEqualTo(endOf(LocalDate.of(2026, 3, 31)));
        assertThat((String) runtimeService.getVariable(withdrawal.getId(), "withdrawalReason"))
                .contains("撤销", "市政复决〔2026〕12号", "第四十八条第二款");
        assertThat(service.view(publications.find(row.id)).withdrawn()).as("public until withdrawn").isFalse();

        complete("zhangsan", task, Map.of("withdrawalReason",
                "该行政处罚决定已被市人民政府行政复议决定撤销，依法撤回公示信息。"));

        PublicDecision view = service.view(publications.find(row.id));
        assertThat(view.status()).isEqualTo("withdrawn");
        assertThat(view.withdrawal().reason()).contains("行政复议决定撤销");
        assertThat(view.withdrawal().on()).isEqualTo(LocalDate.of(2026, 3, 26));
        assertThat(view.partyName()).isNull();
        assertThat(view.matter()).isNull();
        assertThat(view.result()).isNull();
        assertThat(view.documentNo()).isEqualTo("市建罚决〔2026〕7号");
        assertThat(outboxOf(row)).extracting(OutboxRow::eventType)
                .containsExactly("decision-withdrawn", "decision-published");
        assertThat(outboxOf(row).get(0).payload()).doesNotContain(DecidedCases.COMPANY);
    }

    @Test
    void aWithdrawalNotDoneInTimeGoesToTheLeaders() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        complete("zhangsan", reviewTask(row), publish(row));
        ProcessInstance withdrawal = start("zhangsan", "publication-withdrawal", Map.of("caseNumber", c.getBusinessKey(),
                "revocationKind", "confirmed-illegal", "revocationBasis", "市和平区人民法院行政判决书（〔2026〕辽0102行初5号）",
                "revokedOn", "2026-03-02"));

        fireTimer(withdrawal, "Event_WithdrawalOverdue", endOf(LocalDate.of(2026, 3, 5)));

        Task overdue = taskService.createTaskQuery().processInstanceId(withdrawal.getId()).singleResult();
        assertThat(overdue.getTaskDefinitionKey()).isEqualTo("Task_OverdueWithdraw");
        assertThat(taskService.getIdentityLinksForTask(overdue.getId())).extracting(IdentityLink::getGroupId)
                .containsExactly("leader");
        complete("zhaoliu", overdue, Map.of("withdrawalReason", "该决定已被人民法院判决确认违法，撤回公示信息。"));
        assertThat(publications.find(row.id).status).isEqualTo("withdrawn");
        assertThat(publications.events(row.id)).filteredOn(e -> e.action().equals("withdrawn")).singleElement()
                .satisfies(e -> assertThat(e.note()).startsWith("逾期撤回"));
    }

    @Test
    void aDecisionRevokedBeforeItWasPublishedIsNeverPublished() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);

        ProcessInstance withdrawal = start("zhangsan", "publication-withdrawal", Map.of("caseNumber", c.getBusinessKey(),
                "revocationKind", "revoked", "revocationBasis", "本机关自行撤销决定（市建撤〔2026〕1号）",
                "revokedOn", "2026-03-02"));

        assertThat(withdrawal.isEnded()).isTrue();
        assertThat(publications.find(row.id).status).isEqualTo("cancelled");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(row.reviewInstanceId).count()).isZero();
        assertThat(outboxOf(row)).isEmpty();
    }

    @Test
    void onlyTheDecidingDepartmentWithdrawsAndOnlyPublicationsThatExist() {
        ProcessInstance c = DecidedCases.generalDecided(this, Map.of());
        PublicationRow row = publicationOf(c);
        complete("zhangsan", reviewTask(row), publish(row));
        Map<String, Object> request = Map.of("caseNumber", c.getBusinessKey(), "revocationKind", "revoked",
                "revocationBasis", "市人民政府行政复议决定书（市政复决〔2026〕12号）", "revokedOn", "2026-03-02");

        assertThatThrownBy(() -> start("zhouba", "publication-withdrawal", request))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("本部门");
        Map<String, Object> unknown = new HashMap<>(request);
        unknown.put("caseNumber", "CF-2026-99999");
        assertThatThrownBy(() -> start("zhangsan", "publication-withdrawal", unknown))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("CF-2026-99999");
        Map<String, Object> future = new HashMap<>(request);
        future.put("revokedOn", "2026-03-03");
        assertThatThrownBy(() -> start("zhangsan", "publication-withdrawal", future))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不能晚于今天");
        assertThat(publications.find(row.id).status).isEqualTo("published");
        assertThat(publications.find(row.id).withdrawalInstanceId).isNull();
    }

    @Test
    void aPublicationIsCreatedInTheDecisionsTransactionAndRolledBackWithIt() {
        CaseDecided decided = new CaseDecided("CF-2026-77777", "市建罚〔2026〕77777号", null, "penalty", "penalty",
                instant(LocalDateTime.of(2026, 3, 2, 9, 0)), "市建罚决〔2026〕77号", "organization", DecidedCases.COMPANY,
                DecidedCases.COMPANY_CODE, false, false, "未移交建设项目档案", "罚款人民币10000元", "《建设工程质量管理条例》第59条",
                "市城乡建设委员会", "zhifa", null, null);

        assertThatThrownBy(() -> transaction.executeWithoutResult(s -> {
            publisher.publishEvent(decided);
            throw new IllegalStateException("the deciding step fails after the event");
        })).hasMessageContaining("deciding step fails");

        assertThat(publications.findOpenByCase("CF-2026-77777")).isEmpty();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("CF-2026-77777").count()).isZero();
    }

    /** The document number is typed by a person and published: a phone written into it is hidden, a plain one kept. */
    @Test
    void theDocumentNumberIsMaskedLikeTheTexts() {
        for (String[] numbers : new String[][] {{"当场罚决字第0001号 当事人电话13912345678", "CF-2026-77801"},
                {"市建罚决〔2026〕7号", "CF-2026-77802"}, {"当场罚决字第0002号", "CF-2026-77803"}}) {
            CaseDecided decided = new CaseDecided(numbers[1], "市建罚〔2026〕" + numbers[1].substring(8) + "号", null,
                    "penalty", "penalty", instant(LocalDateTime.of(2026, 3, 2, 9, 0)), numbers[0], "individual", "王小明",
                    "110101199003071233", false, false, "未取得施工许可证擅自施工", "罚款人民币200元",
                    "《建筑法》第64条", "市城乡建设委员会", "zhifa", "重庆市渝中区解放碑路88号", "13912345678");
            transaction.executeWithoutResult(s -> publisher.publishEvent(decided));
            String published = publications.findOpenByCase(numbers[1]).get(0).documentNo;
            if (numbers[0].contains("139")) {
                assertThat(published).doesNotContain("13912345678").startsWith("当场罚决字第0001号");
            } else {
                assertThat(published).isEqualTo(numbers[0]);
            }
        }
    }

    @Test
    void aPendingPublicationsDueDateMovesWithTheCasesDeadline() {
        CaseDecided decided = new CaseDecided("JC-2026-00043", "市建检〔2026〕43号", null, "inspection",
                "inspection-result", instant(LocalDateTime.of(2026, 3, 2, 9, 0)), "市建检结〔2026〕43号",
                "organization", DecidedCases.COMPANY, DecidedCases.COMPANY_CODE, false, false, "建筑施工安全检查",
                "未发现问题", "《建设工程安全生产管理条例》第四十条", "市城乡建设委员会", "zhifa", null, null);
        transaction.executeWithoutResult(s -> publisher.publishEvent(decided));
        java.util.Date due = endOf(LocalDate.of(2026, 3, 30));
        java.util.Date later = endOf(LocalDate.of(2026, 3, 31));

        transaction.executeWithoutResult(s -> publisher.publishEvent(
                new org.sunlight.procedure.DeadlineMoved("JC-2026-00043", endOf(LocalDate.of(2026, 3, 27)), later)));
        assertThat(publications.findOpenByCase("JC-2026-00043").get(0).dueAt).as("another day: untouched").isEqualTo(due);

        transaction.executeWithoutResult(s -> publisher.publishEvent(
                new org.sunlight.procedure.DeadlineMoved("JC-2026-00043", due, later)));
        assertThat(publications.findOpenByCase("JC-2026-00043").get(0).dueAt).isEqualTo(later);
    }

    @Test
    void otherKindsOfDecisionsGetTwentyWorkingDays() {
        CaseDecided decided = new CaseDecided("JC-2026-00042", "市建检〔2026〕42号", null, "inspection",
                "inspection-result", instant(LocalDateTime.of(2026, 3, 2, 9, 0)), "市建检结〔2026〕42号",
                "organization", DecidedCases.COMPANY, DecidedCases.COMPANY_CODE, false, false, "建筑施工安全检查",
                "未发现问题", "《建设工程安全生产管理条例》第四十条", "市城乡建设委员会", "zhifa", null, null);

        transaction.executeWithoutResult(s -> publisher.publishEvent(decided));

        PublicationRow row = publications.findOpenByCase("JC-2026-00042").get(0);
        assertThat(row.periodDays).isEqualTo(20);
        assertThat(row.kindName).isEqualTo("行政检查结果");
        // twenty working days after Monday 2026-03-02 (Qingming 4–6 April not reached): Monday 2026-03-30
        assertThat(row.dueAt).isEqualTo(endOf(LocalDate.of(2026, 3, 30)));
    }
}
