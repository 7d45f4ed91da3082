package org.sunlight.record.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;

/** {@code /api/cases/{businessKey}/record}: the whole-process record of a case, its verification and its head. */
@RestController
@RequestMapping("/api/cases/{businessKey}/record")
class RecordController {

    private final Cases cases;
    private final EngineAccess engine;
    private final ChainVerifier verifier;
    private final ChainMapper chain;
    private final RecordTimeline timeline;
    private final CaseFileExporter exporter;

    RecordController(Cases cases, EngineAccess engine, ChainVerifier verifier, ChainMapper chain,
                     RecordTimeline timeline, CaseFileExporter exporter) {
        this.exporter = exporter;
        this.cases = cases;
        this.engine = engine;
        this.verifier = verifier;
        this.chain = chain;
        this.timeline = timeline;
    }

    /** The case's timeline in order (see {@link RecordTimeline}). */
    @GetMapping
    RecordTimeline.Timeline record(@PathVariable String businessKey) {
        return timeline.of(cases.requireReadable(businessKey, StaffUser.require()));
    }

    /**
     * Recomputes the chain. With {@code seq} and {@code hash} of a head exported earlier, also checks that the chain
     * still passes through it (so that a rewritten chain is caught even when it is consistent in itself).
     */
    @GetMapping("/verify")
    ChainVerifier.Result verify(@PathVariable String businessKey, @RequestParam(required = false) Long seq,
                                @RequestParam(required = false) String hash) {
        CaseInfo info = cases.requireReadable(businessKey, StaffUser.require());
        if ((seq == null) != (hash == null || hash.isBlank())) {
            throw ApiException.badRequest("incomplete-head", "核对链头需同时提供 seq 和 hash",
                    "Checking a head needs both seq and hash");
        }
        return verifier.verify(engine.chainKey(info), seq, hash);
    }

    /** The case file as PDF, in the standard order, with contents and numbered pages. */
    @GetMapping("/case-file.pdf")
    void pdf(@PathVariable String businessKey, HttpServletResponse response) throws IOException {
        CaseInfo info = cases.requireReadable(businessKey, StaffUser.require());
        ChainVerifier.Result verification = verifier.verify(engine.chainKey(info), null, null);
        byte[] pdf = exporter.pdf(timeline.of(info), verification);
        response.setContentType("application/pdf");
        response.setContentLength(pdf.length);
        response.setHeader("Content-Disposition", disposition(businessKey + "-案卷.pdf"));
        response.getOutputStream().write(pdf);
    }

    /** The case file as ZIP: JSON record, chain, evidence files, PDF, manifest of SHA-256 hashes with the head. */
    @GetMapping("/case-file.zip")
    void zip(@PathVariable String businessKey, HttpServletResponse response) throws IOException {
        CaseInfo info = cases.requireReadable(businessKey, StaffUser.require());
        String key = engine.chainKey(info);
        ChainVerifier.Result verification = verifier.verify(key, null, null);
        RecordTimeline.Timeline record = timeline.of(info);
        byte[] pdf = exporter.pdf(record, verification);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", disposition(businessKey + "-案卷.zip"));
        exporter.zip(record, chain.entries(key), verification, pdf, response.getOutputStream());
    }

    private static String disposition(String fileName) {
        return "attachment; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The chain head of the case: print or file it, and check it later with verify?seq=&hash=. */
    @GetMapping("/head")
    Map<String, Object> head(@PathVariable String businessKey) {
        CaseInfo info = cases.requireReadable(businessKey, StaffUser.require());
        String key = engine.chainKey(info);
        ChainMapper.Head head = chain.head(key);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("businessKey", businessKey);
        answer.put("chainKey", key);
        answer.put("seq", head == null ? 0 : head.seq());
        answer.put("hash", head == null ? ChainHashes.GENESIS : head.headHash());
        answer.put("updatedAt", head == null ? null : java.time.Instant.ofEpochMilli(head.updatedMs()).toString());
        return answer;
    }
}
