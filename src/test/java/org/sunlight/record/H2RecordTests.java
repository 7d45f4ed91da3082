package org.sunlight.record;

import org.springframework.test.context.ActiveProfiles;

/** The record's contract on the embedded H2 database. */
@ActiveProfiles({"demo", "test"})
class H2RecordTests extends RecordContractTests {
}
