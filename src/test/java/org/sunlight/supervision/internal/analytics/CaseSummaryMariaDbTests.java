package org.sunlight.supervision.internal.analytics;

import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The summary's closing write and backfill on MariaDB 10.11 (engine tables utf8mb3_bin, Sunlight's utf8mb4). */
@ActiveProfiles({"demo", "test", "mysql"})
class CaseSummaryMariaDbTests extends CaseSummaryTests {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_summary");
        registry.add("spring.datasource.url", () -> url);
    }
}
