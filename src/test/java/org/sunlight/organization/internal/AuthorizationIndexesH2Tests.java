package org.sunlight.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorization indexes on H2, the embedded default (AuthorizationIndexes; the query plan is pinned on MariaDB).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class AuthorizationIndexesH2Tests {

    @Autowired
    DataSource dataSource;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Test
    void theEngineStartsWithBothIndexesAndARestartKeepsThem() throws SQLException {
        new AuthorizationIndexes().postProcessEngineBuild(engine); // a restart, or the second node of a cluster
        try (Connection connection = dataSource.getConnection()) {
            assertThat(AuthorizationIndexes.existing(connection)).containsAll(AuthorizationIndexes.INDEXES.keySet());
        }
    }
}
