package org.sunlight.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The authorization indexes on each database Sunlight runs on (AuthorizationIndexes). */
abstract class AuthorizationIndexesContract {

    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineStartsWithBothIndexesAndARestartKeepsThem() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(AuthorizationIndexes.existing(connection)).as("created when the engine started")
                    .containsAll(AuthorizationIndexes.INDEXES.keySet());
        }
        new AuthorizationIndexes().postProcessEngineBuild(engine); // a restart, or the second node of a cluster
        try (Connection connection = dataSource.getConnection()) {
            assertThat(AuthorizationIndexes.existing(connection)).containsAll(AuthorizationIndexes.INDEXES.keySet());
        }
    }
}
