package org.sunlight.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
    static final String DATABASE = System.getenv().getOrDefault("SUNLIGHT_TEST_DB", "sunlight_test") + "_bench";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
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
