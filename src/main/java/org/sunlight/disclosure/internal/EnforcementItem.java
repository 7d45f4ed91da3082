package org.sunlight.disclosure.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An entry of the enforcement item list (执法事项清单, RULES 1.2; 行政处罚法第三十九条): what the department may do, on
 * which legal basis (with articles), by which acting body and department, and the remedies open to the party.
 */
record EnforcementItem(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9-]*") String code,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 32) String category,
        @NotBlank @Size(max = 4000) @Pattern(regexp = "(?s).*第[0-9一二三四五六七八九十百千]+条.*",
                message = "须写明法律依据的条款") String legalBasis,
        @NotBlank @Size(max = 200) String actingBody,
        @NotBlank @Size(max = 64) String departmentId,
        @Size(max = 1000) String relief,
        int sortOrder) {
}
