package org.sunlight.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The authorization check on a task reads a user's runtime grants, not every historic-task grant their groups have
 * collected over the years (AuthorizationIndexes).
 */
@SpringBootTest
@ActiveProfiles({"demo", "test", "mysql"})
class AuthorizationIndexesMariaDbTests extends AuthorizationIndexesContract {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
        String url = org.sunlight.FreshMariaDb.url("_authidx");
        registry.add("spring.datasource.url", () -> url);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLeadersTaskCheckReadsTheRuntimeGrantsNotTheHistoricOnes() {
        // three thousand closed tasks' worth of historic-task grants (resource type 19) for the leaders' group
        jdbc.batchUpdate("INSERT INTO ACT_RU_AUTHORIZATION (ID_, REV_, TYPE_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_) "
                + "VALUES (?, 1, 1, 'leader', 19, ?, 3)", java.util.stream.IntStream.range(0, 3000)
                .mapToObj(i -> new Object[] {UUID.randomUUID().toString(), UUID.randomUUID().toString()}).toList());
        jdbc.execute("ANALYZE TABLE ACT_RU_AUTHORIZATION");
        // the grants the engine joins when it checks READ on a task for zhaoliu (groups leader, weiling), as Camunda
        // 7.24's authorization mapping writes them
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 "
                + "AND (A.USER_ID_ IN ('zhaoliu', '*') OR A.GROUP_ID_ IN ('leader', 'weiling')) "
                + "AND ((A.RESOURCE_TYPE_ = 7 AND A.PERMS_ & 2 = 2 OR A.RESOURCE_TYPE_ = 6 AND A.PERMS_ & 64 = 64))");
        assertThat(plan).hasSize(1);
        assertThat(String.valueOf(plan.get(0).get("key"))).contains("SL_IDX_AUTH_GROUP_RES");
        assertThat(Long.parseLong(String.valueOf(plan.get(0).get("rows")))).isLessThan(100);
    }
}
