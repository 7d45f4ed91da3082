package org.sunlight;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A fresh database on the local MariaDB 10.11 (127.0.0.1:3306, root without password) for one test class, so that
 * Flyway and Camunda create their schemas as on a new installation. {@code SUNLIGHT_TEST_DB} names the databases, so
 * that several checkouts can test on one server at the same time.
 */
public final class FreshMariaDb {

    public static final String SERVER = "jdbc:mysql://127.0.0.1:3306/";
    /** What an operator would write; the settings Camunda needs come from the mysql profile. */
    public static final String OPTIONS = "?createDatabaseIfNotExist=true&characterEncoding=UTF-8&useSSL=false"
            + "&allowPublicKeyRetrieval=true";
    public static final String PREFIX = System.getenv().getOrDefault("SUNLIGHT_TEST_DB", "sunlight_test");

    private FreshMariaDb() {
    }

    /** The name of the database {@code PREFIX + suffix}. */
    public static String name(String suffix) {
        String database = PREFIX + suffix;
        if (!database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("SUNLIGHT_TEST_DB must match [a-z0-9_]+: " + database);
        }
        return database;
    }

    /** Drops the database {@code PREFIX + suffix} and returns the URL that creates it anew on first connection. */
    public static String url(String suffix) throws SQLException {
        String database = name(suffix);
        try (Connection connection = DriverManager.getConnection(SERVER + OPTIONS, "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        }
        return SERVER + database + OPTIONS;
    }
}
