package org.sunlight.organization;

/**
 * A person working in Sunlight; userId is the Camunda user id.
 *
 * @param lawQualified holds the national legal professional qualification, required of first-time legal reviewers
 *                     (行政处罚法第58条第2款)
 */
public record Officer(String userId, String name, String departmentId, String title, boolean lawQualified,
                      boolean active) {
}
