package org.sunlight.record;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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

    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&characterEncoding=UTF-8"
            + "&useSSL=false&allowPublicKeyRetrieval=true";
    static final String DATABASE = System.getenv().getOrDefault("SUNLIGHT_TEST_DB", "sunlight_test") + "_record";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (!DATABASE.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("SUNLIGHT_TEST_DB must match [a-z0-9_]+");
        }
        try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        registry.add("spring.datasource.url", () -> SERVER + DATABASE + OPTIONS);
    }
}
