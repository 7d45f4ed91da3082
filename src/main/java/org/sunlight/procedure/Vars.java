package org.sunlight.procedure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads form-submitted variables strictly. form-js sends numbers as Integer/Long/Double, dates as ISO strings and
 * lists as Json (FACTS §2); a missing or malformed value is a {@link RuleViolation} naming the field in Chinese,
 * never a silent default.
 */
public final class Vars {

    /** Amounts above this are typing errors, not fines (the largest statutory fines are in the millions). */
    private static final BigDecimal ABSURD_AMOUNT = new BigDecimal("1000000000000");

    private Vars() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    public static String requireText(VariableScope scope, String name, String label) {
        String text = text(scope, name);
        if (text == null) {
            throw missing(name, label);
        }
        return text;
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && "true".equalsIgnoreCase(value.toString().trim());
    }

    /** An amount in yuan, or null when absent. Negative, non-numeric or absurd values are refused. */
    public static BigDecimal amount(VariableScope scope, String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("invalid-amount", label + "必须是数字", name + " must be a number");
        }
        if (amount.signum() < 0) {
            throw new RuleViolation("negative-amount", label + "不能为负数", name + " must not be negative");
        }
        if (amount.compareTo(ABSURD_AMOUNT) > 0) {
            throw new RuleViolation("absurd-amount", label + "数额明显错误", name + " is implausibly large");
        }
        if (amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw new RuleViolation("amount-precision", label + "最多保留两位小数（元、角、分）",
                    name + " has more than two decimals");
        }
        return amount;
    }

    public static BigDecimal requireAmount(VariableScope scope, String name, String label) {
        BigDecimal amount = amount(scope, name, label);
        if (amount == null) {
            throw missing(name, label);
        }
        return amount;
    }

    /** A list submitted by a checklist, taglist or multi-select (Json array), a Java collection, or one value. */
    public static List<String> list(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof SpinJsonNode node) {
            if (node.isArray()) {
                node.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
            } else if (node.isString()) {
                result.add(node.stringValue());
            }
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> result.add(String.valueOf(e)));
        } else if (!value.toString().isBlank()) {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                org.camunda.spin.Spin.JSON(text).elements().forEach(e -> result.add(e.stringValue()));
            } else {
                result.add(text);
            }
        }
        return result;
    }

    /** One of the allowed values (the option values of the form's select or radio). */
    public static String requireOneOf(VariableScope scope, String name, String label, java.util.Set<String> allowed) {
        String value = requireText(scope, name, label);
        if (!allowed.contains(value)) {
            throw new RuleViolation("invalid-option", label + "的取值无效：" + value, name + " has an invalid value: " + value);
        }
        return value;
    }

    /** Stores an amount as a Double variable: what DMN inputs and forms expect (yuan, two decimals at most). */
    public static void setAmount(VariableScope scope, String name, BigDecimal amount) {
        scope.setVariable(name, amount == null ? null : amount.doubleValue());
    }

    public static RuleViolation missing(String name, String label) {
        return new RuleViolation("missing-field", "请填写" + label, "Field " + name + " is required");
    }
}
