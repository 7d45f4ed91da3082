/**
 * Administrative licensing (行政许可), e.g. the construction permit (建筑工程施工许可证): acceptance or a one-time
 * correction notice, deemed acceptance, substantive review by two staff, notice to interested parties, hearings,
 * the decision within its statutory period (pauses and one extension), the certificate, and the permit's life.
 */
package org.sunlight.licensing;
