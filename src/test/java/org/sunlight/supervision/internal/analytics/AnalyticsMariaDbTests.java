package org.sunlight.supervision.internal.analytics;

import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same analytics on MariaDB 10.11 (production's kind of database): the SQL must mean the same there. */
@ActiveProfiles({"demo", "test", "mysql"})
class AnalyticsMariaDbTests extends AnalyticsTests {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_supervision");
        registry.add("spring.datasource.url", () -> url);
    }
}
