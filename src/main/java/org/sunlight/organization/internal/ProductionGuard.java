package org.sunlight.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.sunlight.organization.Roles;

/**
 * The production profile refuses to start while a demo user exists or an administrator keeps a default password.
 * The first administrator is created from SUNLIGHT_ADMIN_USER / SUNLIGHT_ADMIN_PASSWORD.
 */
class ProductionGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionGuard.class);

    private static final Set<String> DEFAULT_PASSWORDS = Set.of("", "admin", "demo", "password", "123456", "12345678",
            "camunda", "sunlight", "changeit", "admin123");
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final Environment environment;

    ProductionGuard(IdentityService identityService, ProcessEngineConfiguration engineConfiguration,
                    Environment environment) {
        this.identityService = identityService;
        this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
        this.environment = environment;
    }

    void check() {
        List<String> problems = new ArrayList<>();
        // the benchmark's bare-Camunda baseline switches the whole-process record, publication and closure scoring off
        if (environment.getProperty("sunlight.bench.bare", Boolean.class, false)) {
            problems.add("sunlight.bench.bare=true 关闭了全过程记录、执法公示和结案评查，仅用于性能基准测试 / "
                    + "sunlight.bench.bare=true switches the record, publication and closure scoring off; it is for "
                    + "benchmarking only");
        }
        for (String demoUser : DemoData.USER_IDS) {
            if (!"admin".equals(demoUser) && identityService.createUserQuery().userId(demoUser).count() > 0) {
                problems.add("演示用户 " + demoUser + " 仍然存在 / demo user '" + demoUser + "' exists");
            }
        }
        List<User> admins = identityService.createUserQuery().memberOfGroup(Roles.ADMIN).list();
        if (admins.isEmpty()) {
            createFirstAdmin(problems);
        }
        for (User admin : identityService.createUserQuery().memberOfGroup(Roles.ADMIN).list()) {
            if (hasDefaultPassword(admin.getId())) {
                problems.add("管理员 " + admin.getId() + " 使用默认密码 / administrator '" + admin.getId()
                        + "' has a default password");
            }
        }
        if (!problems.isEmpty()) {
            String message = "生产环境拒绝启动 / Sunlight refuses to start in the prod profile:\n  - "
                    + String.join("\n  - ", problems)
                    + "\n删除演示用户并修改管理员密码后重试 / remove the demo users and change the administrator password"
                    + " (README: Production).";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    private void createFirstAdmin(List<String> problems) {
        String id = environment.getProperty("SUNLIGHT_ADMIN_USER", "");
        String password = environment.getProperty("SUNLIGHT_ADMIN_PASSWORD", "");
        if (id.isBlank() || password.length() < MIN_ADMIN_PASSWORD_LENGTH || isDefault(id, password)) {
            problems.add("没有管理员：请设置 SUNLIGHT_ADMIN_USER 和至少 " + MIN_ADMIN_PASSWORD_LENGTH
                    + " 位的非默认 SUNLIGHT_ADMIN_PASSWORD / no administrator: set SUNLIGHT_ADMIN_USER and a non-default"
                    + " SUNLIGHT_ADMIN_PASSWORD of at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters");
            return;
        }
        User user = identityService.newUser(id);
        user.setFirstName("系统管理员");
        user.setLastName("");
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.createMembership(id, Roles.ADMIN);
        LOG.info("Created the first administrator '{}'", id);
    }

    /** Compares hashes directly: identityService.checkPassword would count failed logins and lock the account. */
    private boolean hasDefaultPassword(String userId) {
        UserEntity user = (UserEntity) identityService.createUserQuery().userId(userId).singleResult();
        if (user == null || user.getPassword() == null) {
            return false;
        }
        for (String candidate : candidates(userId)) {
            String salted = EncryptionUtil.saltPassword(candidate, user.getSalt());
            if (engineConfiguration.getPasswordManager().check(salted, user.getPassword())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDefault(String userId, String password) {
        return candidates(userId).contains(password);
    }

    private static Set<String> candidates(String userId) {
        Set<String> all = new java.util.HashSet<>(DEFAULT_PASSWORDS);
        all.add(userId);
        return all;
    }
}
