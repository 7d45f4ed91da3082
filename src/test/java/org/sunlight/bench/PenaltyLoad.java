package org.sunlight.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.HdrHistogram.Histogram;
import org.sunlight.Rest;

/**
 * The penalty benchmark's load: general-procedure penalty cases ({@code penalty-general}) worked from registration to
 * closure over HTTP exactly as the demo users do in Tasklist — {@code /engine-rest} with HTTP Basic, the task looked up,
 * its deployed form fetched, the form's variables submitted — plus the evidence upload during the investigation
 * ({@code POST /api/cases/{key}/evidence}) and, where Sunlight publishes the decision, the handler's publication review.
 * A few clients work cases at once, each on its own cases; with several nodes the clients are spread over them.
 * <p>
 * Latency is that of the completions ({@code POST task/{id}/submit-form}, and the start's submit-form); throughput is
 * closed cases per second of wall time. Used by {@link PenaltyBenchmark} and checked by {@code PenaltyLoadTests}.
 */
public final class PenaltyLoad {

    /** What a run measured. */
    public record Result(int cases, double seconds, Histogram completions, List<String> businessKeys,
                         int publicationReviews) {
        public double casesPerSecond() {
            return cases / seconds;
        }

        public double percentileMillis(double percentile) {
            return completions.getValueAtPercentile(percentile) / 1e3;
        }

        /** Two runs as one: their cases, times and completions added up. */
        public Result plus(Result other) {
            Histogram sum = completions.copy();
            sum.add(other.completions);
            List<String> keys = new ArrayList<>(businessKeys);
            keys.addAll(other.businessKeys);
            return new Result(cases + other.cases, seconds + other.seconds, sum, List.copyOf(keys),
                    publicationReviews + other.publicationReviews);
        }
    }

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};

    private final List<Integer> ports;
    private final int clients;

    /** @param ports the nodes' HTTP ports; client i works on node {@code i % ports.size()} */
    public PenaltyLoad(List<Integer> ports, int clients) {
        this.ports = List.copyOf(ports);
        this.clients = clients;
    }

    /** Works {@code cases} cases to closure with the clients in parallel; fails on the first refused request. */
    public Result run(int cases) {
        AtomicInteger remaining = new AtomicInteger(cases);
        AtomicInteger reviews = new AtomicInteger();
        List<String> keys = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            int port = ports.get(i % ports.size());
            Rest rest = new Rest(port);
            futures.add(pool.submit(() -> {
                Histogram histogram = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
                while (remaining.getAndDecrement() > 0) {
                    keys.add(new Officers(rest, port, histogram, reviews).workCase());
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        try {
            for (Future<Histogram> future : futures) {
                all.add(future.get());
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a benchmark client failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(cases, seconds, all, List.copyOf(keys), reviews.get());
    }

    /** One client: zhangsan (handler), zhaoliu (leader), wangwu (legal reviewer) working one case after another. */
    private static final class Officers {
        private final Rest rest;
        private final int port;
        private final Histogram histogram;
        private final AtomicInteger reviews;

        Officers(Rest rest, int port, Histogram histogram, AtomicInteger reviews) {
            this.rest = rest;
            this.port = port;
            this.histogram = histogram;
            this.reviews = reviews;
        }

        String workCase() {
            LocalDate today = LocalDate.now(ZONE);
            String key = timed(() -> rest.post("zhangsan", "/engine-rest/process-definition/key/penalty-general/submit-form",
                    Rest.variables(Map.of("caseSource", "complaint", "partyType", "organization", "partyName",
                            "沈阳某某置业有限公司", "partyIdNumber", "91210100MA0Y6XQ12A", "partyAddress", "沈阳市沈河区某街2号",
                            "partyPhone", "13912345678", "violationCode", "quality-59", "violationDate",
                            today.minusDays(30).toString(), "discoveredDate", today.minusDays(3).toString(),
                            "caseSummary", "竣工验收后未移交建设项目档案"))), 200).get("businessKey").asText();
            String no = key.substring(key.indexOf('-') + 1);
            String day = today.toString();
            submit("zhaoliu", key, "Task_FilingApproval", Map.of("filingDecision", "file", "lifeSafetyHarm", false));
            String investigation = taskId("zhangsan", key, "Task_Investigation");
            uploadEvidence(key, investigation);
            complete("zhangsan", key, investigation, Map.of("officer1Credential", "21010020230001",
                    "officer2Credential", "21010020230002", "credentialsShown", true, "inquiryRecordNo", "询问" + no,
                    "evidenceSummary", "询问笔录、现场照片"));
            submit("zhangsan", key, "Task_InvestigationReport", Map.of("factsFound", "未移交档案", "violationCode",
                    "quality-59", "consequence", "serious", "rectified", false, "repeatOffense", false,
                    "majorPublicInterest", false, "majorSocialImpact", false, "majorThirdPartyRights", false,
                    "complexCase", false, "seriousCase", false));
            submit("zhangsan", key, "Task_ProposePenalty", Map.of("penaltyKind", "fine", "fineAmount", 80000));
            submit("zhangsan", key, "Task_PriorNotice", Map.of("noticeDocumentNo", "告知" + no, "noticeDeliveryMethod",
                    "direct", "noticeDeliveredDate", day));
            submit("zhangsan", key, "Task_PartyResponse", Map.of("responseType", "waiver", "responseReceivedDate", day,
                    "waiverDocumentNo", "放弃" + no));
            submit("wangwu", key, "Task_LegalReview", Map.ofEntries(Map.entry("checkSubject", "ok"),
                    Map.entry("checkQualification", "ok"), Map.entry("checkProcedure", "ok"), Map.entry("checkFacts", "ok"),
                    Map.entry("checkLaw", "ok"), Map.entry("checkAuthority", "ok"), Map.entry("checkDocuments", "ok"),
                    Map.entry("checkCriminal", "ok"), Map.entry("reviewOpinion", "同意"),
                    Map.entry("reviewConclusion", "approved")));
            submit("zhaoliu", key, "Task_LeaderDecision", Map.of("decision", "penalty", "finalPenaltyKind", "fine",
                    "finalFine", 80000, "decisionDocumentNo", "市建罚决〔" + no + "〕号", "decisionOpinion", "同意"));
            reviewPublication(key);
            submit("zhangsan", key, "Task_DeliverDecision", Map.of("deliveryMethod", "direct", "deliveredDate", day,
                    "deliveryReceiptNo", "送达" + no));
            submit("zhangsan", key, "Task_ConfirmPayment", Map.of("paidDate", day, "paidAmount", 80000,
                    "paymentReceiptNo", "缴款" + no));
            submit("zhaoliu", key, "Task_Closure", Map.of("executionStatus", "executed", "closureOpinion", "同意结案"));
            return key;
        }

        /** The decision's publication review (Sunlight's publication process; absent in the bare baseline). */
        private void reviewPublication(String key) {
            JsonNode tasks = ok(rest.get("zhangsan", "/engine-rest/task?processInstanceBusinessKey=" + key
                    + "&taskDefinitionKey=Task_Review"), 200);
            if (tasks.isEmpty()) {
                return;
            }
            String id = tasks.get(0).get("id").asText();
            ok(rest.get("zhangsan", "/engine-rest/task/" + id + "/deployed-form"), 200);
            JsonNode form = ok(rest.get("zhangsan", "/engine-rest/task/" + id + "/form-variables"), 200);
            Map<String, Object> values = new HashMap<>();
            for (String field : List.of("publicMatter", "publicResult", "publicLegalBasis")) {
                values.put(field, form.get(field).get("value").asText());
            }
            values.put("reviewDecision", "publish");
            timed(() -> rest.post("zhangsan", "/engine-rest/task/" + id + "/submit-form", Rest.variables(values)), 204);
            reviews.incrementAndGet();
        }

        private void uploadEvidence(String key, String taskId) {
            String captured = java.time.LocalDateTime.now(ZONE).minusMinutes(10).withNano(0).toString();
            ok(rest.send("zhangsan", HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + key + "/evidence?taskId="
                            + taskId + "&fileName=photo-" + key + ".jpg&capturedAt=" + captured))
                    .header("Content-Type", "image/jpeg")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(withKey(key)))), 201);
        }

        /** Each case's photo differs, as real ones do (identical content would be stored once). */
        private static byte[] withKey(String key) {
            byte[] suffix = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            byte[] photo = java.util.Arrays.copyOf(PHOTO, PHOTO.length + suffix.length);
            System.arraycopy(suffix, 0, photo, PHOTO.length, suffix.length);
            return photo;
        }

        private String base() {
            return "http://localhost:" + port;
        }

        private void submit(String user, String key, String taskKey, Map<String, Object> values) {
            complete(user, key, taskId(user, key, taskKey), values);
        }

        private String taskId(String user, String key, String taskKey) {
            JsonNode tasks = ok(rest.get(user, "/engine-rest/task?processInstanceBusinessKey=" + key
                    + "&taskDefinitionKey=" + taskKey), 200);
            if (tasks.size() != 1) {
                throw new IllegalStateException(user + " sees " + tasks.size() + " tasks " + taskKey + " of " + key);
            }
            return tasks.get(0).get("id").asText();
        }

        /** As Tasklist: the deployed form, then the form's values. */
        private void complete(String user, String key, String taskId, Map<String, Object> values) {
            ok(rest.get(user, "/engine-rest/task/" + taskId + "/deployed-form"), 200);
            timed(() -> rest.post(user, "/engine-rest/task/" + taskId + "/submit-form", Rest.variables(values)), 204);
        }

        private JsonNode timed(java.util.function.Supplier<Rest.Response> call, int status) {
            long start = System.nanoTime();
            Rest.Response response = call.get();
            histogram.recordValue(Math.max(1, (System.nanoTime() - start) / 1000));
            return ok(response, status);
        }

        private static JsonNode ok(Rest.Response response, int status) {
            if (response.status() != status) {
                throw new IllegalStateException(response.raw().request().method() + " " + response.raw().uri()
                        + " answered " + response.status() + ": " + response.body());
            }
            return response.json();
        }
    }
}
