package org.sunlight.organization.internal;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Roles;

/**
 * The demo organisation of a city construction commission (城乡建设委员会), seeded once in the demo profile.
 * Every password equals the user name; the production profile refuses to start while any of these users exists.
 */
class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    static final String ACTING_BODY = "市城乡建设委员会";

    /** Demo user ids (DESIGN.md "Demo profile users", plus officers of a second department and one expired credential). */
    static final List<String> USER_IDS = List.of("admin", "zhangsan", "lisi", "wangwu", "zhaoliu", "sunqi", "zhouba",
            "wujiu", "zhengshi");

    private static final String ENFORCEMENT_SCOPE = "penalty,coercion,inspection,licensing,collection";
    private static final String SCOPE_TEXT = "城乡建设领域行政处罚、行政强制、行政检查、行政许可、行政征收";
    private static final String ISSUER = "省人民政府";

    private final OrganizationAdmin admin;
    private final IdentityService identityService;

    DemoData(OrganizationAdmin admin, IdentityService identityService) {
        this.admin = admin;
        this.identityService = identityService;
    }

    void seedOnce() {
        if (identityService.createUserQuery().userId("zhangsan").count() > 0) {
            return;
        }
        department("zhifa", "建设执法支队", "enforcement");
        department("zhijian", "建设工程质量安全监督站", "enforcement");
        department("fagui", "法规处", "legal");
        department("weiling", "委领导", "leadership");
        department("jiandu", "执法监督处", "supervision");
        department("xinxi", "信息中心", "admin");

        officer("admin", "系统管理员", "xinxi", "系统管理员", false, Roles.ADMIN);
        officer("zhangsan", "张三", "zhifa", "执法队员", false, Roles.OFFICER);
        officer("lisi", "李四", "zhifa", "执法队员", false, Roles.OFFICER);
        officer("zhengshi", "郑十", "zhifa", "执法队员", false, Roles.OFFICER);
        officer("zhouba", "周八", "zhijian", "监督员", false, Roles.OFFICER);
        officer("wujiu", "吴九", "zhijian", "监督员", false, Roles.OFFICER);
        officer("wangwu", "王五", "fagui", "法制审核员", true, Roles.LEGAL_REVIEWER);
        officer("zhaoliu", "赵六", "weiling", "副主任", false, Roles.LEADER);
        officer("sunqi", "孙七", "jiandu", "执法监督员", false, Roles.SUPERVISOR);

        credential("21010020230001", "zhangsan", "zhifa", LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        credential("21010020230002", "lisi", "zhifa", LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        credential("21010020200005", "zhengshi", "zhifa", LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31));
        credential("21010020230003", "zhouba", "zhijian", LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        credential("21010020230004", "wujiu", "zhijian", LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        credential("21010020230006", "zhaoliu", "weiling", LocalDate.of(2023, 1, 1), LocalDate.of(2028, 12, 31));
        LOG.info("Seeded the demo organisation (password = user name): {}", USER_IDS);
    }

    private void department(String id, String name, String kind) {
        admin.createDepartment(new Department(id, name, kind, ACTING_BODY));
    }

    private void officer(String id, String name, String dept, String title, boolean lawQualified, String role) {
        admin.createOfficer(new Officer(id, name, dept, title, lawQualified, true), id, List.of(role));
    }

    private void credential(String no, String userId, String dept, LocalDate from, LocalDate to) {
        admin.issueCredential(new Credential(no, userId, dept, ENFORCEMENT_SCOPE, SCOPE_TEXT, ISSUER, from, to,
                Credential.ACTIVE, null));
    }
}
