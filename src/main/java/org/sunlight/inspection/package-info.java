/**
 * 行政检查 with 双随机、一公开: the random-inspection item list (随机抽查事项清单), the registry of regulated entities
 * (检查对象名录库), declared conflicts of interest, the verifiable random draw and the {@code inspection} procedure.
 */
package org.sunlight.inspection;
