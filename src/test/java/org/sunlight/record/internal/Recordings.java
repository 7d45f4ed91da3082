package org.sunlight.record.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationContext;
import org.sunlight.organization.StaffUser;

/**
 * For process tests of procedures whose on-site steps must be recorded on audio/video (avAction): attaches a small
 * video to the task through the record module's evidence service, as the Tasklist tab does.
 */
public final class Recordings {

    private Recordings() {
    }

    /** Now by Camunda's clock (which the tests set), in China time: the recording was made during the step. */
    private static String capturedNow() {
        return java.time.LocalDateTime.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                java.time.ZoneId.of("Asia/Shanghai")).withNano(0).toString();
    }

    public static void attachVideo(ApplicationContext context, String user, String businessKey, String taskId) {
        IdentityService identity = context.getBean(IdentityService.class);
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        byte[] bytes = new byte[8 * 1024];
        new Random(taskId.hashCode()).nextBytes(bytes);
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'};
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        try {
            context.getBean(EvidenceService.class).upload(businessKey, new EvidenceService.Upload(taskId, "现场全程录像.mp4",
                    "video/mp4", capturedNow(), "执法记录仪", null), new ByteArrayInputStream(bytes), bytes.length,
                    new StaffUser(user, groups));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
