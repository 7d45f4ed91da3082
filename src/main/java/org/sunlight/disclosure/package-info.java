/**
 * Publicity (行政执法公示, RULES 1.2–1.9): the catalogue published before enforcement (执法事项清单, 服务指南 with
 * flowcharts from the deployed BPMN, 裁量基准 from the deployed DMN), the credential check during enforcement, and the
 * masked publication of decisions after it — reviewed in the BPMN process {@code publication}, withdrawn through
 * {@code publication-withdrawal}, shown on the public portal {@code /public/} and its JSON mirror {@code /api/public/},
 * and sent to the provincial platform through an outbox. Reacts to {@link org.sunlight.procedure.CaseDecided}.
 */
package org.sunlight.disclosure;
