package org.sunlight.bench;

import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SupervisionBenchmark} on MariaDB 10.11, in its own fresh database ${SUNLIGHT_TEST_DB}_analytics. */
@ActiveProfiles({"demo", "test", "mysql"})
class SupervisionMariaDbBenchmark extends SupervisionBenchmark {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_analytics");
        registry.add("spring.datasource.url", () -> url);
    }

    @Override
    protected String database() {
        return "MariaDB 10.11 on 127.0.0.1 (Connector/J)";
    }

    @Override
    protected String reportName() {
        return "supervision-mariadb.md";
    }
}
