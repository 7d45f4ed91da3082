package org.sunlight.coercion.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.sunlight.procedure.PartyChecks;
import org.sunlight.procedure.RuleViolation;
import org.sunlight.procedure.StatutoryClock;
import org.sunlight.procedure.Vars;

/** Checks both coercion procedures share: the party, dates that have happened, the review flags. */
final class Checks {


    /** The flags of 国办发〔2018〕118号四(十二) that legal-review-required reads; absent means false. */
    static final String[] REVIEW_FLAGS = {"majorPublicInterest", "majorSocialImpact", "majorThirdPartyRights", "complexCase"};

    private Checks() {
    }

    /** The party must be identified (行政强制法第二十四条第二款第一项, 第三十七条第二款第一项): name, identity, address. */
    static void party(VariableScope scope) {
        PartyChecks.requireParty(scope, "当事人", true);
    }

    /** A day that has come (not in the future) and is plausible. */
    static LocalDate pastDate(StatutoryClock clock, VariableScope scope, String name, String label) {
        LocalDate day = clock.toDate(Vars.requireText(scope, name, label));
        if (day.isAfter(clock.today())) {
            throw new RuleViolation("date-in-future", label + "不能晚于今天", name + " cannot be in the future");
        }
        if (day.getYear() < 1990) {
            throw new RuleViolation("date-out-of-range", label + "超出合理范围", name + " is out of range");
        }
        return day;
    }

    /** A moment that has happened. */
    static Instant pastInstant(StatutoryClock clock, VariableScope scope, String name, String label) {
        Instant at = clock.toInstant(Vars.requireText(scope, name, label));
        if (at.isAfter(clock.now().toInstant())) {
            throw new RuleViolation("time-in-future", label + "不能晚于当前时间", name + " cannot be in the future");
        }
        if (at.atZone(clock.zone()).getYear() < 1990) {
            throw new RuleViolation("date-out-of-range", label + "超出合理范围", name + " is out of range");
        }
        return at;
    }

    /** Normalises the review flags to booleans and the inputs that concern penalties only to null. */
    static void reviewInputs(VariableScope scope) {
        for (String flag : REVIEW_FLAGS) {
            scope.setVariable(flag, Vars.flag(scope, flag));
        }
        scope.setVariable("containsSecrets", Vars.flag(scope, "containsSecrets"));
        scope.setVariable("hearingHeld", false);
        scope.setVariable("penaltyKind", null);
        scope.setVariable("fineAmount", null);
    }

    static void requireTrue(VariableScope scope, String name, String code, String zh, String en) {
        if (!Vars.flag(scope, name)) {
            throw new RuleViolation(code, zh, en);
        }
    }

    static String yuan(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "元";
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }
}
