package org.sunlight.supervision.internal.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sunlight.Rest;
import org.sunlight.ThisContextsEngine;

/**
 * The scoring endpoints over HTTP, as the demo users call them: who may read a score, a pre-check and the list, what
 * the answer looks like, and what bad input gets (400/404 with a Chinese and English message, nothing changed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(ThisContextsEngine.class)
class ScoreApiTests extends ScoringProcessTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    Rest rest;

    @BeforeEach
    void http() {
        rest = new Rest(port);
    }

    @Test
    void supervisorsAndLeadersReadAClosedCasesScoreWithItsFindingsAndProofs() {
        ProcessInstance c = registered();
        file(c);
        untilDecided(c);
        at(LocalDateTime.of(2026, 3, 20, 10, 0));
        deliver(c, "2026-03-20"); // late: 8 working days after the decision
        payAndClose(c, "2026-03-20");
        String path = "/api/cases/" + c.getBusinessKey() + "/score";

        Rest.Response supervisor = rest.get("sunqi", path);
        assertThat(supervisor.status()).isEqualTo(200);
        assertThat(supervisor.json().get("score").asInt()).isEqualTo(90);
        assertThat(supervisor.json().get("passed").asBoolean()).isTrue();
        assertThat(supervisor.json().get("checklistVersion").asInt()).isPositive();
        var finding = supervisor.json().get("findings").get(0);
        assertThat(finding.get("code").asText()).isEqualTo("D-LATE-DELIVERY");
        assertThat(finding.get("label").asText()).isEqualTo("送达超期");
        assertThat(finding.get("points").asInt()).isEqualTo(10);
        assertThat(finding.get("basis").asText()).contains("第61条");
        assertThat(finding.get("proofs")).anySatisfy(p -> {
            assertThat(p.get("kind").asText()).isEqualTo("activity");
            assertThat(p.get("value").asText()).isEqualTo("Task_DeliverDecision");
            assertThat(p.get("time").asText()).startsWith("2026-03-20");
            assertThat(p.get("recordSeq").asLong()).isPositive();
        });
        assertThat(rest.get("zhaoliu", path).status()).isEqualTo(200);

        Rest.Response officer = rest.get("zhangsan", path);
        assertThat(officer.status()).isEqualTo(403);
        assertThat(officer.json().get("messageZh").asText()).contains("监督人员");
        assertThat(officer.json().get("messageEn").asText()).isNotBlank();
        assertThat(rest.get("wangwu", path).status()).isEqualTo(403);
        assertThat(rest.get(null, path).status()).isEqualTo(401);

        // the list and its CSV export
        Rest.Response list = rest.get("sunqi", "/api/supervision/scores?sort=score&order=asc&size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).anySatisfy(item -> {
            assertThat(item.get("businessKey").asText()).isEqualTo(c.getBusinessKey());
            assertThat(item.get("departmentName").asText()).isNotBlank();
            assertThat(item.get("findings").get(0).get("code").asText()).isEqualTo("D-LATE-DELIVERY");
        });
        var items = list.json().get("items");
        for (int i = 1; i < items.size(); i++) {
            assertThat(items.get(i).get("score").asInt()).isGreaterThanOrEqualTo(items.get(i - 1).get("score").asInt());
        }
        Rest.Response csv = rest.get("sunqi", "/api/supervision/scores.csv?sort=date&order=desc");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF案号,");
        assertThat(csv.body()).contains(c.getBusinessKey()).contains("送达超期（D-LATE-DELIVERY，扣10分）");
        assertThat(rest.get("zhangsan", "/api/supervision/scores").status()).isEqualTo(403);
        assertThat(rest.get("zhangsan", "/api/supervision/scores.csv").status()).isEqualTo(403);
    }

    @Test
    void theListFiltersOnProcedureAndNamesIt() {
        ProcessInstance c = start("zhangsan", "penalty-summary", PenaltySummaryScoringTests.onSpot());
        submit("zhangsan", c, "Task_OnSpotDecision", PenaltySummaryScoringTests.decision());
        submit("zhaoliu", c, "Task_FilingRecord", java.util.Map.of("filingRecordNo", "备案〔2026〕9号",
                "filingReviewOpinion", "符合规定"));
        at(LocalDateTime.of(2026, 3, 5, 9, 0)); // handed over a day late (第71条)
        submit("zhangsan", c, "Task_HandOverFine", java.util.Map.of("handOverDate", "2026-03-05"));
        submit("zhaoliu", c, "Task_DepositFine", java.util.Map.of("depositDate", "2026-03-05", "bankReceiptNo", "回单9"));

        Rest.Response list = rest.get("sunqi", "/api/supervision/scores?procedure=penalty-summary&size=200");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items")).isNotEmpty().allSatisfy(item ->
                assertThat(item.get("procedure").asText()).isEqualTo("penalty-summary"));
        assertThat(list.json().get("items")).anySatisfy(item -> {
            assertThat(item.get("businessKey").asText()).isEqualTo(c.getBusinessKey());
            assertThat(item.get("procedureName").asText()).isEqualTo("行政处罚（简易程序）");
            assertThat(item.get("score").asInt()).isEqualTo(90);
            assertThat(item.get("findings").get(0).get("code").asText()).isEqualTo("D-LATE-STEPS");
        });
        assertThat(rest.get("sunqi", "/api/supervision/scores?procedure=licensing&size=200").json().get("items"))
                .noneSatisfy(item -> assertThat(item.get("businessKey").asText()).isEqualTo(c.getBusinessKey()));
        Rest.Response csv = rest.get("sunqi", "/api/supervision/scores.csv?procedure=penalty-summary");
        assertThat(csv.body()).startsWith("\uFEFF案号,业务键,程序,").contains(c.getBusinessKey())
                .contains("行政处罚（简易程序）");
        Rest.Response helper = rest.get("sunqi", "/api/supervision/scores?procedure=legal-review");
        assertThat(helper.status()).isEqualTo(400);
        assertThat(helper.json().get("messageZh").asText()).contains("程序不正确");
        assertThat(rest.get("sunqi", "/api/supervision/scores/procedures").json()).hasSize(7);
        assertThat(rest.get("zhangsan", "/api/supervision/scores/procedures").status()).isEqualTo(403);
    }

    @Test
    void thePreCheckWorksForOpenCasesOfTheOtherProcedures() {
        ProcessInstance licence = start("zhangsan", "licensing", LicensingScoringTests.application());
        submit("zhangsan", licence, "Task_AcceptanceReview", java.util.Map.of("acceptanceDecision", "accept",
                "acceptanceNoticeNo", "市建许受〔2026〕19号"));
        submit("zhangsan", licence, "Task_SubstantiveReview", java.util.Map.of("officer1Credential", ZHANGSAN_CREDENTIAL,
                "officer2Credential", LISI_CREDENTIAL, "verificationNote", "现场核查符合条件", "reviewStep", "proceed",
                "interestedParties", false, "hearingRight", false, "hearingByLaw", false));
        submit("zhangsan", licence, "Task_ReviewOpinion", java.util.Map.of("proposedOutcome", "grant",
                "reviewFindings", "符合条件", "majorPublicInterest", false, "majorSocialImpact", false,
                "majorThirdPartyRights", false, "complexCase", false));
        ProcessInstance measure = start("zhangsan", "coercive-measure", org.sunlight.coercion.CoercionCase.measureRequest("seizure", "approval"));
        for (ProcessInstance c : java.util.List.of(licence, measure)) {
            Rest.Response handler = rest.get("zhangsan", "/api/cases/" + c.getBusinessKey() + "/score/precheck");
            assertThat(handler.status()).as(c.getProcessDefinitionId()).isEqualTo(200);
            assertThat(handler.json().get("precheck").asBoolean()).isTrue();
            assertThat(handler.json().get("score").asInt()).isEqualTo(100);
            assertThat(handler.json().get("findings")).isEmpty();
        }
    }

    @Test
    void theHandlerReadsThePreCheckOfAnOpenCaseOthersOfTheDepartmentDoNot() {
        ProcessInstance c = registered();
        file(c);
        investigate(c);
        report(c, false);
        propose(c);
        String path = "/api/cases/" + c.getBusinessKey() + "/score/precheck";
        Rest.Response handler = rest.get("zhangsan", path);
        assertThat(handler.status()).isEqualTo(200);
        assertThat(handler.json().get("precheck").asBoolean()).isTrue();
        assertThat(handler.json().get("findings").get(0).get("code").asText()).isEqualTo("D-NO-PRIOR-NOTICE");
        assertThat(rest.get("sunqi", path).status()).isEqualTo(200);
        assertThat(rest.get("lisi", path).status()).isEqualTo(403);
        assertThat(rest.get("zhouba", path).status()).isEqualTo(404);
        // an open case has no score yet
        Rest.Response open = rest.get("sunqi", "/api/cases/" + c.getBusinessKey() + "/score");
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.json().get("messageZh").asText()).contains("尚未结案");
    }

    @Test
    void unknownAndHostileCaseNumbersAreRefusedWithMessagesAndChangeNothing() {
        Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM sl_case_score", Integer.class);
        Rest.Response unknown = rest.get("sunqi", "/api/cases/CF-2099-99999/score");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("messageZh").asText()).contains("案件不存在");
        assertThat(unknown.json().get("messageEn").asText()).contains("No such case");
        assertThat(rest.get("zhangsan", "/api/cases/CF-2099-99999/score/precheck").status()).isEqualTo(404);
        // <, > and an encoded / in a path are refused by Tomcat itself (400) before Sunlight sees the request
        assertThat(rest.get("sunqi", "/api/cases/%3Cscript%3E/score").status()).isEqualTo(400);
        assertThat(rest.get("sunqi", "/api/cases/..%2Frecord/score").status()).isEqualTo(400);
        // an encoded ; is refused by Spring Security's firewall (400, Spring Boot's error body) likewise
        assertThat(rest.get("sunqi", "/api/cases/CF-2026-00001%3BDROP/score").status()).isEqualTo(400);
        for (String hostile : new String[] {"CF-2026-00001' OR '1'='1", "alert(1)", "案件",
                "CF-2026-00001 DROP TABLE sl_case_score", "x".repeat(300)}) {
            Rest.Response response = rest.get("sunqi", "/api/cases/" + URLEncoder.encode(hostile, StandardCharsets.UTF_8)
                    .replace("+", "%20") + "/score");
            assertThat(response.status()).as(hostile).isIn(400, 404);
            assertThat(response.json()).as(hostile + ": " + response.body()).isNotNull();
            assertThat(response.json().path("messageZh").asText()).as(hostile + ": " + response.body()).isNotBlank();
            assertThat(response.json().path("messageEn").asText()).as(hostile).isNotBlank();
        }
        for (String query : new String[] {"sort=score;DROP", "order=up", "size=100000", "page=-1", "from=2026-13-01",
                "department=a'b", "minScore=abc"}) {
            Rest.Response response = rest.get("sunqi", "/api/supervision/scores?" + query);
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.json()).as(query + ": " + response.body()).isNotNull();
            assertThat(response.json().get("messageZh").asText()).as(query).isNotBlank();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_case_score", Integer.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sl_case_score", Integer.class)).isNotNull();
    }

    @Test
    void theScoresPageIsForStaff() {
        assertThat(rest.get(null, "/supervision/scores").status()).isEqualTo(401);
        Rest.Response page = rest.get("sunqi", "/supervision/scores");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("案卷评查").contains("/supervision/scores/scores.js");
        assertThat(rest.get("sunqi", "/supervision/scores/scores.js").body()).contains("/api/supervision/scores");
    }

    @Test
    void tasklistShowsThePreCheckTabToTheHandler() {
        assertThat(rest.get(null, "/camunda/app/tasklist/scripts/config.js").body())
                .containsPattern("customScripts: \\[[^\\]]*'sunlight/precheck-tab'");
        Rest.Response tab = rest.get(null, "/camunda/app/tasklist/sunlight/precheck-tab.js");
        assertThat(tab.status()).isEqualTo(200);
        assertThat(tab.body()).contains("评查预检").contains("/score/precheck").contains("tasklist.task.detail");
    }
}
