package org.sunlight.record.internal;

import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
@ActiveProfiles({"demo", "test", "mysql"})
class StoredRowsUnionMariaDbTests extends StoredRowsUnionContract {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_rows");
        registry.add("spring.datasource.url", () -> url);
    }
}
