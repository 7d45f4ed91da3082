package org.sunlight.bench;

import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The task-completion part of {@link RecordBenchmark} on MariaDB 10.11 (the production kind of database: every
 * statement a round trip, every commit durable), in its own fresh database. The record/verify part runs on H2 only
 * (filling 10,000 cases takes long on MariaDB); set -Dbench.mariadbCases=N to run it here too.
 */
@ActiveProfiles({"demo", "test", "mysql"})
class RecordMariaDbBenchmark extends RecordBenchmark {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_bench");
        registry.add("spring.datasource.url", () -> url);
    }

    @Override
    protected String database() {
        return "MariaDB 10.11 on 127.0.0.1 (Connector/J)";
    }

    @Override
    protected int databaseCases() {
        return Integer.getInteger("bench.mariadbCases", 0);
    }

    @Override
    protected String reportName() {
        return "record-mariadb.md";
    }
}
