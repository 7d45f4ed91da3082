package org.sunlight.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.organization.StaffUser;

/**
 * {@code /api/cases/{businessKey}/evidence}: list, upload (the request body is the file, streamed to the store — a
 * 2 GiB video is never held in memory; metadata as query parameters) and download (the hash is checked first; a
 * changed file is refused, never served as good).
 */
@RestController
@RequestMapping("/api/cases/{businessKey}/evidence")
class EvidenceController {

    private final EvidenceService evidence;
    private final EvidenceStore store;
    private final Organization organization;

    EvidenceController(EvidenceService evidence, EvidenceStore store, Organization organization) {
        this.evidence = evidence;
        this.store = store;
        this.organization = organization;
    }

    /** An evidence item as the evidence tab lists it: who uploaded it by name, as officers know each other. */
    record Listed(@JsonUnwrapped EvidenceItem item, String uploaderName) {
    }

    @GetMapping
    List<Listed> list(@PathVariable String businessKey, @RequestParam(required = false) String taskId) {
        Map<String, String> names = new HashMap<>();
        return evidence.list(businessKey, taskId, StaffUser.require()).stream()
                .map(item -> new Listed(item, names.computeIfAbsent(item.uploaderId(),
                        id -> organization.officer(id).map(Officer::name).orElse(id))))
                .toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> upload(@PathVariable String businessKey, HttpServletRequest request,
                                               @RequestParam(required = false) String taskId,
                                               @RequestParam(required = false) String fileName,
                                               @RequestParam(required = false) String mediaType,
                                               @RequestParam(required = false) String capturedAt,
                                               @RequestParam(required = false) String deviceNote,
                                               @RequestParam(required = false) String credentialNo)
            throws IOException {
        String declared = mediaType != null && !mediaType.isBlank() ? mediaType : request.getContentType();
        EvidenceService.Upload upload = new EvidenceService.Upload(taskId, fileName, declared, capturedAt, deviceNote,
                credentialNo);
        EvidenceService.Result result;
        try (InputStream body = request.getInputStream()) {
            result = evidence.upload(businessKey, upload, body, request.getContentLengthLong(), StaffUser.require());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("item", result.item());
        answer.put("duplicate", result.duplicate());
        answer.put("contentAlreadyStored", result.contentAlreadyStored());
        answer.put("sameContentAs", result.sameContentAs());
        if (result.duplicate()) {
            answer.put("message", "该文件已作为本任务的证据上传过（证据 #" + result.item().id() + "），未重复登记 / "
                    + "This file is already attached to this task (evidence #" + result.item().id() + ")");
        } else if (result.contentAlreadyStored()) {
            answer.put("message", "文件内容与已存证据相同，内容只保存一份，已登记为本案证据 / "
                    + "Same content as existing evidence; stored once and registered for this case");
        }
        return ResponseEntity.status(result.duplicate() ? HttpStatus.OK : HttpStatus.CREATED).body(answer);
    }

    @GetMapping("/{id}")
    EvidenceItem item(@PathVariable String businessKey, @PathVariable long id) {
        return evidence.item(businessKey, id, StaffUser.require());
    }

    @GetMapping("/{id}/content")
    void content(@PathVariable String businessKey, @PathVariable long id, HttpServletResponse response)
            throws IOException {
        EvidenceItem item = evidence.item(businessKey, id, StaffUser.require());
        Optional<String> current = store.currentHash(item.sha256());
        if (current.isEmpty()) {
            throw new ApiException(409, "evidence-missing", "证据文件 #" + id + " 已从存储中缺失，不能提供",
                    "Evidence file #" + id + " is missing from the store");
        }
        if (!current.get().equals(item.sha256())) {
            throw new ApiException(409, "evidence-altered", "证据文件 #" + id + " 已被改动（SHA-256 与登记值不符），不予提供",
                    "Evidence file #" + id + " has been altered (its SHA-256 differs from the registered one); not served");
        }
        response.setContentType(item.mediaType());
        response.setContentLengthLong(item.sizeBytes());
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(item.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("X-Content-SHA256", item.sha256());
        response.setHeader("X-Content-Type-Options", "nosniff");
        // uploaded content is never rendered as a page of this site
        response.setHeader("Content-Security-Policy", "sandbox");
        try (InputStream in = Files.newInputStream(store.path(item.sha256()));
             OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
