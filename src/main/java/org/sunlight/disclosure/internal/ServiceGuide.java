package org.sunlight.disclosure.internal;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The service guide of a procedure (服务指南, RULES 1.2, 3.2; 行政许可法第三十条): name, accepting and deciding bodies,
 * conditions, steps, statutory and promised time limits, materials, fees, place, contact and remedies. The flowchart
 * is drawn from the deployed BPMN of {@code processKey}.
 */
record ServiceGuide(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*") String processKey,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 32) String category,
        @Size(max = 64) String itemCode,
        @NotBlank @Size(max = 200) String acceptingBody,
        @NotBlank @Size(max = 200) String decidingBody,
        @NotBlank @Size(max = 4000) String acceptanceConditions,
        @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 500) String> steps,
        @NotBlank @Size(max = 500) String statutoryLimit,
        @NotBlank @Size(max = 500) String promisedLimit,
        @NotEmpty @Size(max = 40) List<@NotBlank @Size(max = 500) String> materials,
        @NotBlank @Size(max = 500) String fees,
        @NotBlank @Size(max = 500) String place,
        @Size(max = 200) String officeHours,
        @NotBlank @Size(max = 200) String contact,
        @NotBlank @Size(max = 1000) String relief) {
}
