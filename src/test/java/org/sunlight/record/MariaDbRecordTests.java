package org.sunlight.record;

import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The record's contract on MariaDB 10.11 through MySQL Connector/J (whole-second timestamps,
 * sendFractionalSeconds=false), in its own database ({@code SUNLIGHT_TEST_DB}_record) so that it does not pull the
 * database from under the application contract tests that may share the JVM.
 */
@ActiveProfiles({"demo", "test", "mysql"})
class MariaDbRecordTests extends RecordContractTests {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_record");
        registry.add("spring.datasource.url", () -> url);
    }
}
