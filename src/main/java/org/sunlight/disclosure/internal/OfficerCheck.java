package org.sunlight.disclosure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.sunlight.organization.ApiException;
import org.sunlight.organization.Credential;
import org.sunlight.organization.Department;
import org.sunlight.organization.Officer;
import org.sunlight.organization.Organization;
import org.sunlight.procedure.StatutoryClock;

/**
 * 事中公示: a citizen checks the credential an officer shows (行政处罚法第五十五条: 执法人员应当主动出示执法证件; 未出示
 * 的有权拒绝接受调查或者检查; RULES 1.3, 5.8). Shows what the credential says and whether it is valid today; never the
 * officer's account, the reason of a suspension or anything else internal.
 */
@Component
class OfficerCheck {

    static final Pattern CREDENTIAL_NO = Pattern.compile("[0-9A-Za-z]{6,32}");

    /** What the public learns about a credential. status: valid, expired, not-yet-valid, suspended, revoked, inactive. */
    record OfficerCard(String credentialNo, String name, String departmentName, String actingBody, String scope,
                       String issuer, LocalDate validFrom, LocalDate validTo, String status, String statusText,
                       boolean valid) {
    }

    private final Organization organization;
    private final StatutoryClock clock;

    OfficerCheck(Organization organization, StatutoryClock clock) {
        this.organization = organization;
        this.clock = clock;
    }

    static String normalize(String credentialNo) {
        String trimmed = credentialNo == null ? "" : credentialNo.trim();
        if (!CREDENTIAL_NO.matcher(trimmed).matches()) {
            throw ApiException.badRequest("invalid-credential-no", "执法证号格式不正确（应为6至32位数字或字母）",
                    "A credential number has 6 to 32 digits or letters");
        }
        return trimmed.toUpperCase();
    }

    Optional<OfficerCard> check(String credentialNo) {
        String number = normalize(credentialNo);
        return organization.credential(number).or(() -> organization.credential(credentialNo.trim())).map(this::card);
    }

    /** Officers holding a credential valid today, for the public list of enforcement personnel (RULES 1.2). */
    List<OfficerCard> validToday() {
        List<OfficerCard> cards = new ArrayList<>();
        for (Officer officer : organization.officers()) {
            for (Credential credential : organization.credentialsOf(officer.userId())) {
                OfficerCard card = card(credential);
                if (card.valid()) {
                    cards.add(card);
                }
            }
        }
        cards.sort(java.util.Comparator.comparing(OfficerCard::departmentName).thenComparing(OfficerCard::credentialNo));
        return cards;
    }

    private OfficerCard card(Credential credential) {
        LocalDate today = clock.today();
        Optional<Officer> officer = organization.officer(credential.userId());
        Optional<Department> department = organization.department(credential.departmentId());
        String status;
        String text = credential.statusTextOn(today);
        if (Credential.SUSPENDED.equals(credential.status())) {
            status = "suspended";
        } else if (Credential.REVOKED.equals(credential.status())) {
            status = "revoked";
        } else if (today.isBefore(credential.validFrom())) {
            status = "not-yet-valid";
        } else if (today.isAfter(credential.validTo())) {
            status = "expired";
        } else if (officer.isEmpty() || !officer.get().active()) {
            status = "inactive";
            text = "无效（持证人已不在执法岗位）";
        } else {
            status = "valid";
        }
        return new OfficerCard(credential.credentialNo(), officer.map(Officer::name).orElse("—"),
                department.map(Department::name).orElse("—"), department.map(Department::actingBody).orElse("—"),
                credential.scopeText(), credential.issuer(), credential.validFrom(), credential.validTo(), status, text,
                "valid".equals(status));
    }
}
