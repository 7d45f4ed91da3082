/**
 * 执法监督: case-file scoring (案卷评查), the deadline watch and analytics for leaders, read from the engine's history and
 * Sunlight's tables.
 */
package org.sunlight.supervision;
