package org.sunlight;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The application contract on MariaDB 10.11 through MySQL Connector/J (127.0.0.1:3306, root without password), the
 * database our machines and CI run; production uses MySQL 8. The database is created when missing.
 */
@ActiveProfiles({"demo", "test", "mysql"})
@TestPropertySource(properties = "spring.datasource.url=jdbc:mysql://127.0.0.1:3306/sunlight_test"
        + "?createDatabaseIfNotExist=true&sendFractionalSeconds=false&characterEncoding=UTF-8&useSSL=false"
        + "&allowPublicKeyRetrieval=true")
class MariaDbApplicationTests extends ApplicationContractTests {
}
