package org.sunlight;

import org.springframework.test.context.ActiveProfiles;

/** The application contract on the embedded H2 database. */
@ActiveProfiles({"demo", "test"})
class H2ApplicationTests extends ApplicationContractTests {
}
