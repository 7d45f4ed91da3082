package org.sunlight.organization.internal;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The authorization indexes on H2, the embedded default (the query plan is pinned on MariaDB). */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class AuthorizationIndexesH2Tests extends AuthorizationIndexesContract {
}
