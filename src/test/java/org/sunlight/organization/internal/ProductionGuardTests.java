package org.sunlight.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.sunlight.organization.Roles;

/** The prod profile refuses to start with demo users or default administrator passwords, and says why. */
class ProductionGuardTests {

    private ProcessEngine engine;
    private IdentityService identity;
    private MockEnvironment environment;

    @BeforeEach
    void freshEngine() {
        engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:guard-" + UUID.randomUUID()).setHistory("none")
                .setProcessEngineName("guard-" + UUID.randomUUID()).buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(Roles.ADMIN));
        environment = new MockEnvironment();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ProductionGuard guard() {
        return new ProductionGuard(identity, engine.getProcessEngineConfiguration(), environment);
    }

    private void user(String id, String password, String group) {
        User user = identity.newUser(id);
        user.setPassword(password);
        identity.saveUser(user);
        if (group != null) {
            identity.createMembership(id, group);
        }
    }

    @Test
    void refusesWithoutAnAdministratorUnlessOneIsConfigured() {
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SUNLIGHT_ADMIN_PASSWORD");
        environment.setProperty("SUNLIGHT_ADMIN_USER", "sysadmin");
        environment.setProperty("SUNLIGHT_ADMIN_PASSWORD", "short");
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class);
        environment.setProperty("SUNLIGHT_ADMIN_PASSWORD", "Ch4nge-Me-N0w!");
        assertThatCode(() -> guard().check()).doesNotThrowAnyException();
        assertThat(identity.createUserQuery().memberOfGroup(Roles.ADMIN).userId("sysadmin").count()).isEqualTo(1);
    }

    @Test
    void refusesWhileADemoUserExists() {
        user("sysadmin", "Ch4nge-Me-N0w!", Roles.ADMIN);
        user("zhangsan", "zhangsan", null);
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("zhangsan").hasMessageContaining("演示用户");
        identity.deleteUser("zhangsan");
        assertThatCode(() -> guard().check()).doesNotThrowAnyException();
    }

    @Test
    void refusesAnAdministratorWithADefaultPasswordWithoutLockingHimOut() {
        user("admin", "admin", Roles.ADMIN);
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("默认密码");
        user("root2", "root2", Roles.ADMIN);
        identity.deleteUser("admin");
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class).hasMessageContaining("root2");
        // the check compares hashes: no failed login attempts are counted against the account
        assertThat(identity.checkPassword("root2", "root2")).isTrue();
    }

    @Test
    void refusesTheBenchmarksBareBaseline() {
        user("sysadmin", "Ch4nge-Me-N0w!", Roles.ADMIN);
        assertThatCode(() -> guard().check()).doesNotThrowAnyException();
        environment.setProperty("sunlight.bench.bare", "true");
        assertThatThrownBy(() -> guard().check()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sunlight.bench.bare").hasMessageContaining("仅用于性能基准测试");
    }
}
