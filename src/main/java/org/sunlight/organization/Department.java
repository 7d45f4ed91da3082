package org.sunlight.organization;

/** A department (科室/支队) of the enforcement body; its id is also a Camunda group id. */
public record Department(String id, String name, String kind, String actingBody) {
}
