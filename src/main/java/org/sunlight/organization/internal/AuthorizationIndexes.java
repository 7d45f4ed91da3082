package org.sunlight.organization.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Two indexes on the engine's {@code ACT_RU_AUTHORIZATION} that its own schema lacks.
 * <p>
 * Every task an officer or leader may work leaves a historic-task authorization behind (historic instance permissions,
 * which keep one department's case history from another's), so the rows of a group grow with every case it ever
 * handled. The engine's authorization check on a task (Tasklist opening a task, every form submit) selects the user's
 * and groups' grants on the task or its process definition; with only {@code (GROUP_ID_)} to go on, MariaDB reads
 * all of a group's rows: 1,248 rows, 2 ms for the leaders after 650 penalty cases, and linear in the cases ever
 * closed. With {@code (GROUP_ID_, RESOURCE_TYPE_)} it reads the dozen runtime grants (BENCHMARKS.md, run 5). Camunda's
 * documentation leaves such indexes to the operator (as for the job executor's ordering flags); they are created here,
 * once the engine has created or checked its schema, so that no installation lacks them.
 */
@Component
class AuthorizationIndexes extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationIndexes.class);
    static final String TABLE = "ACT_RU_AUTHORIZATION";
    static final Map<String, String> INDEXES = Map.of(
            "SL_IDX_AUTH_GROUP_RES", "GROUP_ID_, RESOURCE_TYPE_",
            "SL_IDX_AUTH_USER_RES", "USER_ID_, RESOURCE_TYPE_");

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            Set<String> existing = existing(connection);
            for (Map.Entry<String, String> index : INDEXES.entrySet()) {
                if (existing.contains(index.getKey())) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX " + index.getKey() + " ON " + TABLE + " (" + index.getValue() + ")");
                    LOG.info("Created index {} on {} ({})", index.getKey(), TABLE, index.getValue());
                } catch (SQLException e) {
                    // another node of the cluster created it at the same moment
                    if (!existing(connection).contains(index.getKey())) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the authorization indexes on " + TABLE, e);
        }
    }

    static Set<String> existing(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String table = meta.storesLowerCaseIdentifiers() ? TABLE.toLowerCase(Locale.ROOT) : TABLE;
        Set<String> names = new HashSet<>();
        try (ResultSet rs = meta.getIndexInfo(connection.getCatalog(), connection.getSchema(), table, false, true)) {
            while (rs.next()) {
                if (rs.getString("INDEX_NAME") != null) {
                    names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
