package org.sunlight.record.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Organization;
import org.sunlight.organization.Roles;
import org.sunlight.organization.StaffUser;
import org.sunlight.procedure.CaseInfo;
import org.sunlight.procedure.Cases;
import org.sunlight.procedure.StatutoryClock;

/**
 * Evidence of a case (音像与书证, 行政处罚法第四十七条; 国办发〔2018〕118号三(七)(八)): who may attach what to which
 * case and task, and the metadata that goes with the file. Every check that needs no body runs before the upload is
 * read, so a refused upload costs nothing; the file is stored before the metadata row is written (content addressed,
 * so a failed insert leaves only an unreferenced copy of bytes that someone did send).
 */
@Service
class EvidenceService {

    /** The metadata of an upload, as the caller sends it (query parameters). */
    record Upload(String taskId, String fileName, String mediaType, String capturedAt, String deviceNote,
                  String credentialNo) {
    }

    /**
     * @param duplicate the same bytes were already attached to the same case and task: nothing new was recorded
     * @param contentAlreadyStored the bytes were already in the store (for another task or case): stored once
     */
    record Result(EvidenceItem item, boolean duplicate, boolean contentAlreadyStored, List<Long> sameContentAs) {
    }

    private static final int MAX_NAME = 255;
    private static final int MAX_NOTE = 500;

    private final Cases cases;
    private final EvidenceMapper mapper;
    private final EvidenceStore store;
    private final RecordProperties properties;
    private final RecordChain chain;
    private final Organization organization;
    private final StatutoryClock clock;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final EngineAccess engine;
    private final TransactionTemplate transaction;

    EvidenceService(Cases cases, EvidenceMapper mapper, EvidenceStore store, RecordProperties properties,
                    RecordChain chain, Organization organization, StatutoryClock clock, TaskService taskService,
                    HistoryService historyService, EngineAccess engine, TransactionTemplate transaction) {
        this.cases = cases;
        this.mapper = mapper;
        this.store = store;
        this.properties = properties;
        this.chain = chain;
        this.organization = organization;
        this.clock = clock;
        this.taskService = taskService;
        this.historyService = historyService;
        this.engine = engine;
        this.transaction = transaction;
    }

    Result upload(String businessKey, Upload upload, InputStream body, long contentLength, StaffUser user)
            throws IOException {
        CaseInfo info = cases.requireReadable(businessKey, user);
        if (!mayAttach(user)) {
            throw ApiException.forbidden("监督人员只能查阅案件，不能上传证据", "Supervisors read cases; they do not attach evidence");
        }
        requireOpen(info);
        String fileName = fileName(upload.fileName());
        String mediaType = mediaType(upload.mediaType());
        LocalDateTime capturedAt = capturedAt(upload.capturedAt(), info);
        String note = deviceNote(upload.deviceNote());
        String chainKey = engine.chainKey(info);
        Task task = upload.taskId() == null || upload.taskId().isBlank() ? null
                : workableTask(upload.taskId().trim(), chainKey, user);
        if (task == null && !user.inGroup(info.departmentId()) && !user.userId().equals(info.handlerId())
                && !user.isAdmin()) {
            throw ApiException.forbidden("只有本案承办部门的人员可以上传案件证据；审核、决定环节的证据请在本人的任务中上传",
                    "Only the case's department attaches case evidence; reviewers and leaders attach it to their task");
        }
        String credentialNo = credential(upload.credentialNo(), user, info.category());
        long max = properties.getEvidence().getMaxSize().toBytes();
        if (contentLength > max) {
            throw tooLarge(max);
        }
        if (contentLength == 0) {
            throw ApiException.badRequest("empty-file", "文件为空", "The file is empty");
        }
        boolean audioVideo = mediaType.startsWith("audio/") || mediaType.startsWith("video/");

        EvidenceStore.Stored stored;
        try {
            stored = store.store(body, contentLength, max, head -> {
                if (head.length == 0) {
                    throw new EvidenceStore.Incomplete("empty", false);
                }
                if (audioVideo && !MediaSignatures.isAudioOrVideo(head)) {
                    throw new NotMedia();
                }
            });
        } catch (NotMedia e) {
            throw ApiException.badRequest("not-audio-video", "文件内容不是可识别的音频或视频格式，与声明的类型 " + mediaType + " 不符",
                    "The content is not a recognised audio or video format, unlike its declared type " + mediaType);
        } catch (EvidenceStore.Incomplete e) {
            if (e.tooLarge) {
                throw tooLarge(max);
            }
            throw ApiException.badRequest("incomplete-upload", "上传不完整（" + e.getMessage() + "），未保存任何内容",
                    "Incomplete upload (" + e.getMessage() + "); nothing was stored");
        }

        LocalDateTime now = LocalDateTime.ofInstant(clock.now().toInstant(), clock.zone()).truncatedTo(ChronoUnit.SECONDS);
        return transaction.execute(status -> {
            // the case may have been closed while the body was streaming in
            cases.find(businessKey).ifPresent(EvidenceService::requireOpen);
            List<EvidenceItem> sameContent = mapper.withContent(stored.sha256());
            for (EvidenceItem existing : sameContent) {
                if (existing.businessKey().equals(businessKey)
                        && java.util.Objects.equals(existing.taskId(), task == null ? null : task.getId())) {
                    return new Result(existing, true, true, List.of(existing.id()));
                }
            }
            EvidenceItem item = new EvidenceItem(null, businessKey, chainKey, task == null ? null : task.getId(),
                    task == null ? null : task.getTaskDefinitionKey(), task == null ? null : task.getName(), fileName,
                    mediaType, stored.size(), stored.sha256(), capturedAt, note, user.userId(), credentialNo, now);
            EvidenceMapper.IdHolder id = new EvidenceMapper.IdHolder();
            mapper.insert(item, id);
            if (chain.enabled()) {
                chain.collect(new RowRef(RecordTables.EVIDENCE, String.valueOf(id.getValue()), chainKey));
            }
            return new Result(mapper.find(id.getValue()), false, stored.alreadyStored(),
                    sameContent.stream().map(EvidenceItem::id).toList());
        });
    }

    List<EvidenceItem> list(String businessKey, String taskId, StaffUser user) {
        cases.requireReadable(businessKey, user);
        return taskId == null || taskId.isBlank() ? mapper.ofCase(businessKey) : mapper.ofTask(businessKey, taskId);
    }

    EvidenceItem item(String businessKey, long id, StaffUser user) {
        cases.requireReadable(businessKey, user);
        EvidenceItem item = mapper.find(id);
        if (item == null || !item.businessKey().equals(businessKey)) {
            throw ApiException.notFound("本案没有编号为 " + id + " 的证据", "No evidence " + id + " in this case");
        }
        return item;
    }

    /**
     * A closed case is archived as it was closed (国办发〔2018〕118号三(九): 防删改的存储; RULES 1.14): nothing is added
     * to its file afterwards — the case-file score (案卷评查) judges the file the case was closed with. Checked before
     * the body is read, so a refused upload leaves no file, no row and no chain entry.
     */
    private static void requireOpen(CaseInfo info) {
        if (info.endedAt() != null) {
            throw new ApiException(409, "case-closed", "案件 " + info.businessKey()
                    + " 已办结归档，案卷不得再增补证据（国办发〔2018〕118号三(九)：案卷归档后防删改）",
                    "Case " + info.businessKey() + " is closed and archived; no evidence can be added to its file");
        }
    }

    /** Staff who work cases; supervisors only read (README: "reads everything, changes nothing"). */
    private static boolean mayAttach(StaffUser user) {
        return user.isAdmin() || user.hasRole(Roles.OFFICER) || user.hasRole(Roles.LEADER)
                || user.hasRole(Roles.LEGAL_REVIEWER);
    }

    /** An open task of this case that the user may work (assignee, or an unclaimed task offered to them). */
    private Task workableTask(String taskId, String chainKey, StaffUser user) {
        return engine.asSystem(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(taskId)
                        .singleResult();
                if (done != null && done.getEndTime() != null && belongsTo(done.getProcessInstanceId(), chainKey)) {
                    throw ApiException.badRequest("task-completed", "任务“" + done.getName()
                                    + "”已办结，不能再补充该环节的证据；如需补充请作为案件证据上传",
                            "The task is completed; attach further evidence to the case instead");
                }
                throw ApiException.badRequest("no-such-task", "本案没有该待办任务：" + taskId, "No open task " + taskId
                        + " in this case");
            }
            if (!belongsTo(task.getProcessInstanceId(), chainKey)) {
                throw ApiException.badRequest("no-such-task", "本案没有该待办任务：" + taskId, "No open task " + taskId
                        + " in this case");
            }
            if (!mayWork(task, user)) {
                throw ApiException.forbidden("只有该任务的办理人或候选人可以为其上传证据",
                        "Only the task's assignee or candidates attach evidence to it");
            }
            return task;
        });
    }

    private boolean belongsTo(String processInstanceId, String chainKey) {
        if (processInstanceId == null) {
            return false;
        }
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        return instance != null && chainKey.equals(instance.getRootProcessInstanceId());
    }

    private boolean mayWork(Task task, StaffUser user) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.userId());
        }
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (user.userId().equals(link.getUserId()) || user.inGroup(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    /** The credential the uploader enforces under (行政处罚法第四十二条): the one named, or their valid one. */
    private String credential(String requested, StaffUser user, String category) {
        LocalDate today = clock.today();
        List<Credential> own = organization.credentialsOf(user.userId());
        if (requested != null && !requested.isBlank()) {
            Credential credential = own.stream().filter(c -> c.credentialNo().equals(requested.trim())).findFirst()
                    .orElseThrow(() -> ApiException.badRequest("not-own-credential", "执法证 " + requested
                            + " 不属于上传人", "Credential " + requested + " is not the uploader's"));
            if (!credential.isValidOn(today)) {
                throw ApiException.badRequest("invalid-credential", "执法证 " + requested + " 当前无效（"
                        + credential.statusTextOn(today) + "）", "Credential " + requested + " is not valid today");
            }
            return credential.credentialNo();
        }
        return own.stream().filter(c -> c.isValidOn(today)).sorted((a, b) -> Boolean.compare(b.covers(category),
                a.covers(category))).map(Credential::credentialNo).findFirst().orElse(null);
    }

    /**
     * A display name only — the store never uses it as a path. Path parts (/ or \), control characters (NUL,
     * line breaks) and overlong names are refused rather than silently altered.
     */
    static String fileName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("missing-file-name", "请提供文件名（fileName）", "fileName is required");
        }
        if (raw.length() > 4 * MAX_NAME) {
            throw ApiException.badRequest("file-name-too-long", "文件名过长（最多 " + MAX_NAME + " 个字符）",
                    "File name too long (at most " + MAX_NAME + " characters)");
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == '\u2028' || c == '\u2029') {
                throw ApiException.badRequest("invalid-file-name", "文件名含有控制字符", "The file name contains control characters");
            }
        }
        // a browser sends the file's own name; a path in it is a probe, refused rather than trimmed
        if (raw.indexOf('/') >= 0 || raw.indexOf('\\') >= 0) {
            throw ApiException.badRequest("invalid-file-name", "文件名不能包含路径（/ 或 \\）", "The file name must not contain a path");
        }
        String name = raw.strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw ApiException.badRequest("invalid-file-name", "文件名无效", "Invalid file name");
        }
        if (name.length() > MAX_NAME) {
            throw ApiException.badRequest("file-name-too-long", "文件名过长（最多 " + MAX_NAME + " 个字符）",
                    "File name too long (at most " + MAX_NAME + " characters)");
        }
        return name;
    }

    static String mediaType(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("missing-media-type", "请说明文件类型（Content-Type）",
                    "The media type (Content-Type) is required");
        }
        String type = raw.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.matches("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}")) {
            throw ApiException.badRequest("invalid-media-type", "文件类型无效：" + type, "Invalid media type: " + type);
        }
        if (type.startsWith("multipart/") || type.equals("application/x-www-form-urlencoded")) {
            throw new ApiException(415, "unsupported-media-type", "请直接以文件内容作为请求体上传（不支持表单上传）",
                    "Send the file itself as the request body (forms are not accepted)");
        }
        return type;
    }

    /**
     * When the evidence was captured: not in the future (5 minutes of clock skew allowed), and not longer before the
     * case was started than {@code sunlight.record.evidence.max-capture-before-case} (default 10 years; see
     * {@link RecordProperties.Evidence#getMaxCaptureBeforeCase()}).
     */
    private LocalDateTime capturedAt(String raw, CaseInfo info) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("missing-captured-at", "请填写拍摄（采集）时间（capturedAt）",
                    "capturedAt (when the evidence was captured) is required");
        }
        ZoneId zone = clock.zone();
        LocalDateTime time;
        try {
            time = raw.matches(".*(Z|[+-]\\d\\d:?\\d\\d)$")
                    ? OffsetDateTime.parse(raw.trim()).atZoneSameInstant(zone).toLocalDateTime()
                    : LocalDateTime.parse(raw.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("invalid-captured-at", "采集时间格式错误（应为 2026-03-02T09:30:00）",
                    "capturedAt must be an ISO date-time such as 2026-03-02T09:30:00");
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.now().toInstant(), zone);
        if (time.isAfter(now.plusMinutes(5))) {
            throw ApiException.badRequest("captured-in-future", "采集时间晚于当前时间", "capturedAt is in the future");
        }
        java.time.Period before = properties.getEvidence().getMaxCaptureBeforeCase();
        LocalDateTime started = info.startedAt() == null ? now
                : LocalDateTime.ofInstant(info.startedAt().toInstant(), zone);
        LocalDateTime earliest = started.minus(before).truncatedTo(ChronoUnit.DAYS);
        if (time.isBefore(earliest)) {
            boolean years = before.getMonths() == 0 && before.getDays() == 0;
            throw ApiException.badRequest("captured-too-early", "采集时间 " + time + " 早于案件登记前"
                            + (years ? before.getYears() + "年" : before.toString()) + "（" + earliest.toLocalDate()
                            + "），明显有误，请核对拍摄设备的时间",
                    "capturedAt " + time + " is more than " + (years ? before.getYears() + " years" : before.toString())
                            + " before the case started (" + earliest.toLocalDate() + "); check the device's clock");
        }
        return time.truncatedTo(ChronoUnit.SECONDS);
    }

    private static String deviceNote(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String note = raw.strip();
        if (note.length() > MAX_NOTE || note.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw ApiException.badRequest("invalid-device-note", "设备说明过长（最多 " + MAX_NOTE + " 字）或含有控制字符",
                    "deviceNote is too long (at most " + MAX_NOTE + ") or contains control characters");
        }
        return note;
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "too-large", "文件超过上限（" + (max >> 20) + " MiB）",
                "The file exceeds the limit (" + (max >> 20) + " MiB)");
    }

    private static final class NotMedia extends IOException {
    }
}
