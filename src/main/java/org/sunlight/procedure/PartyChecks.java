package org.sunlight.procedure;

/**
 * Identity numbers of parties: the 18-digit resident identity number (GB 11643-1999, ISO 7064 MOD 11-2 check digit,
 * possibly X) and the 18-character unified social credit code (GB 32100-2015, MOD 31 check character).
 */
public final class PartyChecks {

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /**
     * What a party's name may contain: Chinese characters, Latin letters, digits, spaces and the punctuation of company
     * names (括号, 间隔号, 顿号, 点, 连字符, &). Markup and quoting characters are refused: a name is printed on decisions and
     * published on the portal. The party forms use the same pattern.
     */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile(
            "[\\u3400-\\u4dbf\\u4e00-\\u9fffA-Za-z0-9 ·•．.、（）()&\\-]{1,200}");

    private PartyChecks() {
    }

    /**
     * The party of a case as every procedure's start form registers it (variables partyType, partyName,
     * partyIdNumber, partyAddress, partyIsMinor): a known type, a printable name, a valid identity number (stored
     * normalised), an address where documents are served to when the procedure needs one; only a natural person can
     * be a minor (whose decisions are never published, RULES 1.8).
     *
     * @param role who the party is in the procedure, in Chinese (当事人, 申请人, 缴费人)
     */
    public static void requireParty(org.camunda.bpm.engine.delegate.VariableScope scope, String role, boolean addressRequired) {
        String type = Vars.requireOneOf(scope, "partyType", role + "类型", java.util.Set.of("individual", "organization"));
        requireName(Vars.requireText(scope, "partyName", role + "名称或姓名"));
        scope.setVariable("partyIdNumber", requireIdentity(type, Vars.requireText(scope, "partyIdNumber",
                "individual".equals(type) ? "公民身份号码" : "统一社会信用代码")));
        if (addressRequired) {
            Vars.requireText(scope, "partyAddress", role + "住所或地址（送达文书所需）");
        }
        if (Vars.flag(scope, "partyIsMinor") && !"individual".equals(type)) {
            throw new RuleViolation("minor-organization", "只有自然人可以标注为未成年人", "Only an individual can be a minor");
        }
        scope.setVariable("partyIsMinor", Vars.flag(scope, "partyIsMinor"));
    }

    public static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw new RuleViolation("invalid-party-name", "当事人名称只能包含汉字、字母、数字、空格和括号、间隔号、顿号、连字符等，最多200字",
                    "A party name may contain Chinese characters, letters, digits, spaces and ()·、.-& only, 200 at most");
        }
        return name.trim();
    }

    /**
     * Whether the holder of a resident identity number is a minor (不满十八周岁) on the given day, read from the birth date
     * the number carries (GB 11643: digits 7–14). A number that is not a valid resident identity number says nothing.
     */
    public static boolean minorOn(String id, java.time.LocalDate day) {
        return underAgeOn(id, day, 18);
    }

    /**
     * Whether the holder of a resident identity number is not yet {@code years} 周岁 old on the given day. 周岁 are
     * counted by the calendar from the day after the birthday (最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释
     * 第二条, the reading administrative enforcement follows for 行政处罚法第三十条): on the 14th birthday a person is
     * still 不满十四周岁. A number that is not a valid resident identity number says nothing (false).
     */
    public static boolean underAgeOn(String id, java.time.LocalDate day, int years) {
        if (!isResidentId(id) || day == null) {
            return false;
        }
        return !day.isAfter(birthDate(id).plusYears(years));
    }

    /**
     * Whether the case's party, a natural person (partyType, partyIdNumber), was not yet {@code years} 周岁 old on the day
     * the violation was committed (violationDate): 行政处罚法第三十条 judges age then, and so does publicity (RULES 1.8).
     * False for an organisation or a case without the date.
     */
    public static boolean underAgeWhenViolating(org.camunda.bpm.engine.delegate.VariableScope scope, StatutoryClock clock,
                                                int years) {
        if (!"individual".equals(Vars.text(scope, "partyType")) || Vars.text(scope, "violationDate") == null) {
            return false;
        }
        return underAgeOn(Vars.text(scope, "partyIdNumber"), clock.toDate(scope.getVariable("violationDate")), years);
    }

    /** The birth date a valid resident identity number carries (digits 7–14). */
    public static java.time.LocalDate birthDate(String id) {
        return java.time.LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
    }

    public static boolean isResidentId(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (Character.toUpperCase(id.charAt(17)) != ID_CHECK[sum % 11]) {
            return false;
        }
        try {
            java.time.LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    public static boolean isCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        String upper = code.toUpperCase();
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = USCC_CHARS.indexOf(upper.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return upper.charAt(17) == USCC_CHARS.charAt(check);
    }

    /** Refuses a party whose type or identity number is malformed; returns the normalised (upper-case) number. */
    public static String requireIdentity(String partyType, String number) {
        if ("individual".equals(partyType)) {
            if (!isResidentId(number)) {
                throw new RuleViolation("invalid-id-number", "公民身份号码格式或校验位错误", "Invalid resident identity number");
            }
        } else if ("organization".equals(partyType)) {
            if (!isCreditCode(number)) {
                throw new RuleViolation("invalid-credit-code", "统一社会信用代码格式或校验位错误", "Invalid unified social credit code");
            }
        } else {
            throw new RuleViolation("invalid-party-type", "当事人类型须为“自然人”或“法人或其他组织”",
                    "partyType must be 'individual' or 'organization'");
        }
        return number.toUpperCase();
    }
}
