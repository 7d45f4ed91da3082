package org.sunlight.record.internal;

import java.util.LinkedHashMap;
import java.util.Map;

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

    RecordController(Cases cases, EngineAccess engine, ChainVerifier verifier, ChainMapper chain,
                     RecordTimeline timeline) {
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
