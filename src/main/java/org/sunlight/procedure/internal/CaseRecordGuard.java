package org.sunlight.procedure.internal;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessInstanceCommentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCommentCmd;
import org.camunda.bpm.engine.impl.cmd.GetRenderedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.UpdateCommentCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.sunlight.organization.ApiException;
import org.sunlight.procedure.RuleViolation;

/**
 * The comments (意见) and attachments of a case are part of its whole-process record (执法全过程记录): written only by
 * someone who may work the task, never changed or deleted afterwards (防删改). Camunda itself checks neither — any
 * authenticated user may comment on or attach to any task, also a completed one, and a task's worker may delete
 * everybody's comments. Runs inside each command's context, before the command:
 * <ul>
 * <li>a comment or attachment on a task: the task must be running, and the user must be allowed to work it (Camunda's
 * TASK_WORK check: its assignee, a candidate, an administrator) — supervisors read everything and change nothing;
 * on a process instance: the instance must be running and the user may update it (no user: Sunlight itself, e.g.
 * the deadline escalation's comment);</li>
 * <li>the text is sane: not empty, at most {@link #MAX_COMMENT} characters, no NUL or other control characters;</li>
 * <li>deleting or updating a comment or attachment is refused to everybody — an {@link ApiException}, not an engine
 * exception, because Camunda's REST resource answers every engine exception of an attachment deletion with "no
 * attachment exists" (404);</li>
 * <li>reading the form of a task that does not exist (or was just completed) is a bilingual "not found" instead of
 * the engine's NullPointerException (deployed-form) or NullValueException (rendered-form).</li>
 * </ul>
 * Codes: {@link #WRITE_FORBIDDEN}, {@link #TASK_CLOSED}, {@link #INVALID_TEXT} (RuleViolation), {@link #APPEND_ONLY}.
 */
class CaseRecordGuard extends CommandInterceptor {

    /** ACT_HI_COMMENT.MESSAGE_ is a VARCHAR(4000); a 意见 longer than that is not an opinion but a document. */
    static final int MAX_COMMENT = 4000;
    /** ACT_HI_ATTACHMENT: NAME_ and TYPE_ are VARCHAR(255), DESCRIPTION_ and URL_ VARCHAR(4000). */
    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 4000;

    static final String WRITE_FORBIDDEN = "record-write-forbidden";
    static final String TASK_CLOSED = "record-task-closed";
    static final String INVALID_TEXT = "record-invalid-text";
    static final String APPEND_ONLY = "record-append-only";

    private static final List<Class<?>> CHANGES = List.of(DeleteTaskCommentCmd.class,
            DeleteProcessInstanceCommentCmd.class, UpdateCommentCmd.class, DeleteAttachmentCmd.class,
            SaveAttachmentCmd.class);

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AddCommentCmd) {
            String message = FormContract.field(command, "message");
            requireText(message, "意见", "The comment", MAX_COMMENT, true);
            requireWritable(FormContract.field(command, "taskId"), FormContract.field(command, "processInstanceId"));
        } else if (command instanceof CreateAttachmentCmd) {
            requireText(FormContract.field(command, "attachmentName"), "附件名称", "The attachment name", MAX_NAME, false);
            requireText(FormContract.field(command, "attachmentType"), "附件类型", "The attachment type", MAX_NAME, false);
            requireText(FormContract.field(command, "attachmentDescription"), "附件说明", "The attachment description",
                    MAX_DESCRIPTION, false);
            requireText(FormContract.field(command, "url"), "附件地址", "The attachment URL", MAX_DESCRIPTION, false);
            requireWritable(FormContract.field(command, "taskId"), FormContract.field(command, "processInstanceId"));
        } else if (CHANGES.stream().anyMatch(type -> type.isInstance(command))) {
            throw new ApiException(403, APPEND_ONLY,
                    "案件的意见和附件属于执法全过程记录，只能追加，不能修改或删除（防删改）；如需更正，请另行添加意见说明",
                    "Comments and attachments are part of the case's whole-process record: they are only added, never "
                            + "changed or deleted; to correct one, add another comment");
        } else if (command instanceof GetDeployedTaskFormCmd || command instanceof GetRenderedTaskFormCmd
                || command instanceof GetTaskFormCmd) {
            requireTask(FormContract.field(command, "taskId"));
        } else if (command instanceof GetTaskFormVariablesCmd) {
            requireTask(FormContract.field(command, "resourceId"));
        }
        return next.execute(command);
    }

    private static void requireTask(String taskId) {
        if (taskId != null && Context.getCommandContext().getTaskManager().findTaskById(taskId) == null) {
            throw new NotFoundException("任务 " + taskId + " 不存在或已办结，请刷新任务列表 / Task " + taskId
                    + " does not exist or has been completed; reload the task list");
        }
    }

    private static void requireWritable(String taskId, String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        List<CommandChecker> checkers = context.getProcessEngineConfiguration().getCommandCheckers();
        try {
            if (taskId != null) {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    throw new RuleViolation(TASK_CLOSED, "任务 " + taskId + " 已办结或不存在，不能再添加意见或附件",
                            "Task " + taskId + " is completed or does not exist: no comment or attachment can be added");
                }
                checkers.forEach(checker -> checker.checkTaskWork(task));
            } else if (processInstanceId != null) {
                ExecutionEntity instance = context.getExecutionManager().findExecutionById(processInstanceId);
                if (instance == null) {
                    throw new RuleViolation(TASK_CLOSED, "案件流程 " + processInstanceId + " 已结束或不存在，不能再添加意见或附件",
                            "Process instance " + processInstanceId + " has ended or does not exist: no comment or "
                                    + "attachment can be added");
                }
                checkers.forEach(checker -> checker.checkUpdateProcessInstance(instance));
            }
        } catch (AuthorizationException e) {
            throw new AuthorizationException("只有可以办理该任务的人员（承办人、候选人）才能添加意见或附件；监督人员只读不写 / "
                    + "Only someone who may work the task (its assignee or a candidate) adds comments or attachments; "
                    + "supervisors read, they do not write");
        }
    }

    private static void requireText(String text, String zh, String en, int max, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new RuleViolation(INVALID_TEXT, zh + "不能为空", en + " must not be empty");
            }
            return;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new RuleViolation(INVALID_TEXT, zh + "最多 " + max + " 个字",
                    en + " is longer than " + max + " characters");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
            throw new RuleViolation(INVALID_TEXT, zh + "包含非法字符（如 NUL 控制字符）",
                    en + " contains a control character such as NUL");
        }
    }
}
