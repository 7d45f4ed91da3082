package org.sunlight.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link SupervisionBenchmark} on MariaDB 10.11, in its own fresh database ${SUNLIGHT_TEST_DB}_analytics. */
@ActiveProfiles({"demo", "test", "mysql"})
class SupervisionMariaDbBenchmark extends SupervisionBenchmark {

    static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    static final String OPTIONS = "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
            + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
    static final String DATABASE = System.getenv().getOrDefault("SUNLIGHT_TEST_DB", "sunlight_test") + "_analytics";

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (!DATABASE.matches("[a-z0-9_]+")) {
            throw new IllegalStateException("SUNLIGHT_TEST_DB must match [a-z0-9_]+");
        }
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
    protected String reportName() {
        return "supervision-mariadb.md";
    }
}
