package org.sunlight.review.internal;

import java.util.Map;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.StaffUser;

/**
 * 申请延长法制审核期限: {@code POST /api/reviews/tasks/{taskId}/extension} with {@code {"reason": "..."}}, by the reviewer
 * who claimed the review task (RULES 1.19, local policy). Bad input is a 400 in Chinese and English and changes nothing.
 */
@RestController
class ReviewExtensionController {

    record ExtensionRequest(String reason) {
    }

    private final ReviewExtensions extensions;

    ReviewExtensionController(ReviewExtensions extensions) {
        this.extensions = extensions;
    }

    @PostMapping("/api/reviews/tasks/{taskId}/extension")
    Map<String, Object> request(@PathVariable String taskId, @RequestBody ExtensionRequest body) {
        StaffUser user = StaffUser.require();
        if (!taskId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ApiException.badRequest("invalid-task-id", "任务编号格式错误", "Malformed task id");
        }
        return extensions.request(taskId, body.reason(), user);
    }
}
