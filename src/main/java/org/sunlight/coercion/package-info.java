/**
 * 行政强制 (administrative coercion, 行政强制法): the procedures {@code coercive-measure} (查封、扣押) and
 * {@code coercive-execution} (强制执行: 催告, 决定, 执行, 代履行, 申请人民法院强制执行). The rules a form cannot express are
 * listener methods of {@code coercionRules}; the periods are policy ({@code sunlight.coercion.*}).
 */
package org.sunlight.coercion;
