/**
 * Administrative collection (行政征收): the urban infrastructure fee (城市基础设施配套费) assessed by the DMN
 * {@code infrastructure-fee}, notified, paid or demanded, and handed to {@code coercive-execution} when unpaid.
 * Other modules ask {@link org.sunlight.collection.InfrastructureFees} whether a project's fee is paid.
 */
package org.sunlight.collection;
