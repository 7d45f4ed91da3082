package org.sunlight;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application contract on MariaDB 10.11 through MySQL Connector/J (127.0.0.1:3306, root without password), the
 * database our machines and CI run; production uses MySQL 8. Each run starts from an empty database, so Flyway and
 * Camunda create their schemas as on a new installation.
 */
@ActiveProfiles({"demo", "test", "mysql"})
class MariaDbApplicationTests extends ApplicationContractTests {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = FreshMariaDb.url("");
        registry.add("spring.datasource.url", () -> url);
    }

    @org.springframework.beans.factory.annotation.Autowired javax.sql.DataSource dataSource;

    @org.junit.jupiter.api.Test
    void theMysqlProfileGivesEveryConnectionWhatCamundaNeedsWhateverTheUrlSays() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            com.mysql.cj.conf.PropertySet properties = connection.unwrap(com.mysql.cj.jdbc.JdbcConnection.class).getPropertySet();
            org.assertj.core.api.Assertions.assertThat(properties.getBooleanProperty(
                    com.mysql.cj.conf.PropertyKey.sendFractionalSeconds).getValue()).as("sendFractionalSeconds").isFalse();
            org.assertj.core.api.Assertions.assertThat(properties.getBooleanProperty(
                    com.mysql.cj.conf.PropertyKey.nullDatabaseMeansCurrent).getValue()).as("nullCatalogMeansCurrent").isTrue();
            org.assertj.core.api.Assertions.assertThat(connection.getTransactionIsolation())
                    .isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }
}
