package org.sunlight.disclosure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The masking rules (脱敏规则) of {@code disclosure/masking-rules.yaml}: data, not code, so that the rules can be read,
 * reviewed and versioned on their own. Every text that leaves the building passes {@link #mask(String, Party)} first
 * (《政府信息公开条例》第十五条; 《行政处罚法》第五十条; RULES 1.8).
 * <p>
 * What is hidden is local policy and lives in the YAML; how the common ways of writing a number are recognised is
 * code, here, and applies to every rule:
 * <ul>
 * <li>patterns see the text with full-width forms (１３９, Ｘ, －, ．, the ideographic space) and the other Unicode
 * spaces, dashes and dots read as their ASCII counterparts ({@link #normalize}); positions are kept, so the original
 * characters are replaced;</li>
 * <li>a rule marked {@code separated: true} also sees the text with single spaces, dots and hyphens between digits
 * taken out ({@code 110101 1990 0307 1233}, {@code 138.0013.8000}), after it has seen it as written;</li>
 * <li>the party's own stored address, telephone and identity number ({@link Party}) are found wherever they appear,
 * written with or without separators and with or without the leading province, city and district of the address;
 * the YAML's {@code party} section says for which party types and with what replacement (RULES 1.8: a natural
 * person's address, telephone and identity number are never public, the party's own included).</li>
 * </ul>
 */
final class MaskingRules {

    /** A rule: its pattern's group {@code m} (or the whole match) becomes the replacement. */
    record Rule(String id, String name, String basis, Pattern pattern, String replacement, boolean repeat,
                boolean hasGroup, boolean separated) {

        Rule(String id, String name, String basis, Pattern pattern, String replacement, boolean repeat,
             boolean hasGroup) {
            this(id, name, basis, pattern, replacement, repeat, hasGroup, false);
        }
    }

    /**
     * The party of a decision as stored with it: whose own address, telephone and identity number are hidden wherever
     * they appear when the YAML's {@code party} section says so for the party's type (RULES 1.8).
     */
    record Party(String type, String address, String phone, String idNumber) {

        static final Party NONE = new Party(null, null, null, null);
    }

    /** A rule of the YAML's {@code party} section: which stored datum of which party types is hidden, and how. */
    record PartyRule(String id, String name, String basis, String field, List<String> partyTypes, String replacement) {

        static final List<String> FIELDS = List.of("address", "phone", "id-number");
    }

    /** A masked text and how many items each rule hid. */
    record Masked(String text, Map<String, Integer> counts) {

        boolean changed() {
            return !counts.isEmpty();
        }

        /** "id-number:1,mobile:2" — what the reviewer is told was hidden. */
        String summary() {
            return counts.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
        }
    }

    private static final int MAX_REPEAT = 20;
    /** What an earlier rule left (［住址已隐去］): never matched again, or the 住址 inside it would read as a label. */
    private static final Pattern MARKER = Pattern.compile("［[^［］]{1,30}已隐去］");

    private final String version;
    private final List<Rule> rules;
    private final List<PartyRule> partyRules;

    private MaskingRules(String version, List<Rule> rules, List<PartyRule> partyRules) {
        this.version = version;
        this.rules = rules;
        this.partyRules = partyRules;
    }

    static MaskingRules load(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the masking rules " + resource, e);
        }
    }

    @SuppressWarnings("unchecked")
    static MaskingRules parse(Object document) {
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalStateException("Masking rules: a YAML mapping is expected");
        }
        String version = require(root, "version").toString();
        Map<String, String> lists = new LinkedHashMap<>();
        Object listsNode = root.get("lists");
        if (listsNode instanceof Map<?, ?> map) {
            map.forEach((name, value) -> lists.put(name.toString(), listPattern(name.toString(), (Map<String, Object>) value)));
        }
        List<Rule> rules = new ArrayList<>();
        for (Object node : (List<Object>) require(root, "rules")) {
            Map<String, Object> rule = (Map<String, Object>) node;
            String id = require(rule, "id").toString();
            String source = require(rule, "pattern").toString();
            for (Map.Entry<String, String> list : lists.entrySet()) {
                source = source.replace("{{" + list.getKey() + "}}", list.getValue());
            }
            if (source.contains("{{")) {
                throw new IllegalStateException("Masking rule " + id + " refers to an unknown list: " + source);
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(source);
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("Masking rule " + id + " has an invalid pattern: " + e.getMessage(), e);
            }
            rules.add(new Rule(id, require(rule, "name").toString(), require(rule, "basis").toString(), pattern,
                    require(rule, "replacement").toString(), Boolean.TRUE.equals(rule.get("repeat")),
                    source.contains("(?<m>"), Boolean.TRUE.equals(rule.get("separated"))));
        }
        List<PartyRule> partyRules = new ArrayList<>();
        Object partyNode = root.get("party");
        if (partyNode != null) {
            for (Object node : (List<Object>) partyNode) {
                Map<String, Object> rule = (Map<String, Object>) node;
                String id = require(rule, "id").toString();
                String field = require(rule, "field").toString();
                if (!PartyRule.FIELDS.contains(field)) {
                    throw new IllegalStateException("Masking party rule " + id + " names an unknown field: " + field
                            + " (known: " + PartyRule.FIELDS + ")");
                }
                partyRules.add(new PartyRule(id, require(rule, "name").toString(), require(rule, "basis").toString(),
                        field, ((List<Object>) require(rule, "partyTypes")).stream().map(Object::toString).toList(),
                        require(rule, "replacement").toString()));
            }
        }
        if (java.util.stream.Stream.concat(rules.stream().map(Rule::id), partyRules.stream().map(PartyRule::id))
                .distinct().count() != rules.size() + partyRules.size()) {
            throw new IllegalStateException("Masking rule ids must be unique");
        }
        return new MaskingRules(version, List.copyOf(rules), List.copyOf(partyRules));
    }

    /** A list as regex: {@code words} become an alternation (longest first), {@code chars} a class body. */
    private static String listPattern(String name, Map<String, Object> list) {
        if (list.get("words") instanceof List<?> words) {
            return words.stream().map(Object::toString).sorted(Comparator.comparingInt(String::length).reversed())
                    .map(Pattern::quote).collect(Collectors.joining("|"));
        }
        if (list.get("chars") instanceof String chars) {
            StringBuilder body = new StringBuilder();
            chars.codePoints().distinct().forEach(c -> body.append("\\x{").append(Integer.toHexString(c)).append('}'));
            return body.toString();
        }
        throw new IllegalStateException("Masking list " + name + " needs 'words' or 'chars'");
    }

    private static Object require(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("Masking rules: '" + key + "' is missing in " + map);
        }
        return value;
    }

    String version() {
        return version;
    }

    List<Rule> rules() {
        return rules;
    }

    List<PartyRule> partyRules() {
        return partyRules;
    }

    /** The id and name of every rule, party rules included: what the reviewer is told was hidden. */
    Map<String, String> ruleNames() {
        Map<String, String> names = new LinkedHashMap<>();
        partyRules.forEach(r -> names.put(r.id(), r.name()));
        rules.forEach(r -> names.put(r.id(), r.name()));
        return names;
    }

    /** Masks a text that names no party (or whose party's own data are not at hand). */
    Masked mask(String text) {
        return mask(text, Party.NONE);
    }

    /** Masks a text of a decision: the party's own stored data first (where policy says so), then every rule. */
    Masked mask(String text, Party party) {
        if (text == null || text.isEmpty()) {
            return new Masked(text, Map.of());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        String current = text;
        for (PartyRule rule : partyRules) {
            Pattern pattern = party == null || !rule.partyTypes().contains(party.type()) ? null
                    : partyPattern(rule.field(), party);
            if (pattern != null) {
                int[] hits = {0};
                current = apply(pattern, false, rule.replacement(), current, hits, false);
                if (hits[0] > 0) {
                    counts.merge(rule.id(), hits[0], Integer::sum);
                }
            }
        }
        for (Rule rule : rules) {
            int rounds = 0;
            while (true) {
                int[] hits = {0};
                String next = apply(rule.pattern(), rule.hasGroup(), rule.replacement(), current, hits, false);
                if (rule.separated()) {
                    next = apply(rule.pattern(), rule.hasGroup(), rule.replacement(), next, hits, true);
                }
                if (hits[0] > 0) {
                    counts.merge(rule.id(), hits[0], Integer::sum);
                }
                boolean again = rule.repeat() && !next.equals(current) && ++rounds < MAX_REPEAT;
                current = next;
                if (!again) {
                    break;
                }
            }
        }
        return new Masked(current, Map.copyOf(counts));
    }

    /**
     * Replaces the matches of a pattern, matched against the normalised text (and, when {@code joined}, against it with
     * the separators between digits taken out), in the original text.
     */
    private static String apply(Pattern pattern, boolean hasGroup, String replacement, String text, int[] hits,
                                boolean joined) {
        String normal = normalize(text);
        String view = normal;
        int[] position = null;
        if (joined) {
            StringBuilder compact = new StringBuilder(normal.length());
            position = new int[normal.length() + 1];
            for (int i = 0; i < normal.length(); i++) {
                if (isJoinedSeparator(normal, i)) {
                    continue;
                }
                position[compact.length()] = i;
                compact.append(normal.charAt(i));
            }
            position[compact.length()] = normal.length();
            if (compact.length() == normal.length()) {
                return text;
            }
            view = compact.toString();
        }
        List<int[]> masks = new ArrayList<>();
        Matcher marker = MARKER.matcher(text);
        while (marker.find()) {
            masks.add(new int[] {marker.start(), marker.end()});
        }
        Matcher matcher = pattern.matcher(view);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            int start = hasGroup ? matcher.start("m") : matcher.start();
            int end = hasGroup ? matcher.end("m") : matcher.end();
            if (start < 0 || start == end) {
                continue;
            }
            if (position != null) {
                start = position[start];
                end = position[end - 1] + 1;
            }
            int from = start;
            int to = end;
            if (start < last || text.substring(start, end).equals(replacement)
                    || masks.stream().anyMatch(m -> from < m[1] && to > m[0])) {
                continue;
            }
            out.append(text, last, start).append(replacement);
            last = end;
            hits[0]++;
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    /**
     * The text as the patterns see it, character for character (so positions stay): full-width ASCII forms
     * (U+FF01–U+FF5E: １３９, Ｘ, －, ．, （, ：) as ASCII, the ideographic and other Unicode spaces as a space, Unicode
     * hyphens, dashes and minus signs as '-', middle dots and bullets as '.'. A number written in any of these forms is
     * still the number (RULES 1.8: hidden "in any common writing").
     */
    static String normalize(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E') {
                chars[i] = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0' || (c >= '\u2000' && c <= '\u200A') || c == '\u202F'
                    || c == '\u205F') {
                chars[i] = ' ';
            } else if ((c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63') {
                chars[i] = '-';
            } else if (c == '\u00B7' || c == '\u2022' || c == '\u2027' || c == '\u30FB' || c == '\uFF65') {
                chars[i] = '.';
            }
        }
        return new String(chars);
    }

    /** A single space, dot or hyphen between two digits (or before the final X of an identity number). */
    private static boolean isJoinedSeparator(String normal, int i) {
        char c = normal.charAt(i);
        if ((c != ' ' && c != '.' && c != '-') || i == 0 || i + 1 >= normal.length() || !isDigit(normal.charAt(i - 1))) {
            return false;
        }
        char next = normal.charAt(i + 1);
        if (isDigit(next)) {
            return true;
        }
        return (next == 'X' || next == 'x') && (i + 2 == normal.length() || !Character.isLetterOrDigit(normal.charAt(i + 2)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // ------------------------------------------------------------------ the party's own data (format recognition)

    /** Separators a number may be written with, between any two of its digits. */
    private static final String NUMBER_SEPARATOR = "[ .()\\-]{0,2}";
    /** A leading administrative division of an address: 省, 自治区, 市, 州, 盟, 地区, 区, 县, 旗 (GB/T 2260 levels). */
    private static final Pattern DIVISION = Pattern.compile("^\\p{IsHan}{1,8}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|州|盟|区|县|旗)");
    private static final int MIN_ADDRESS = 4;
    private static final int MIN_NUMBER = 6;

    /** The pattern that finds the party's stored datum in the normalised text, or null when there is none to find. */
    private static Pattern partyPattern(String field, Party party) {
        return switch (field) {
            case "address" -> addressPattern(party.address());
            case "phone" -> numberPattern(party.phone(), true);
            case "id-number" -> numberPattern(party.idNumber(), false);
            default -> null;
        };
    }

    /**
     * The stored address as written, and without its leading divisions one by one (重庆市渝中区解放碑路88号, 渝中区解放碑路88号,
     * 解放碑路88号): a text may name the street without the city. Spaces inside are optional; longest first.
     */
    private static Pattern addressPattern(String address) {
        if (address == null) {
            return null;
        }
        String rest = normalize(address).replaceAll("\\s+", "");
        if (rest.length() < MIN_ADDRESS) {
            return null;
        }
        List<String> variants = new ArrayList<>();
        variants.add(rest);
        while (true) {
            Matcher division = DIVISION.matcher(rest);
            if (!division.find()) {
                break;
            }
            rest = rest.substring(division.end());
            // what remains must still say where someone lives: long enough, or with a house number
            if (rest.length() < MIN_ADDRESS || (rest.length() < 6 && !rest.matches(".*\\d.*"))) {
                break;
            }
            variants.add(rest);
        }
        return Pattern.compile(variants.stream().distinct()
                .map(v -> v.codePoints().mapToObj(Character::toString).map(Pattern::quote).collect(Collectors.joining("\\s*")))
                .collect(Collectors.joining("|")));
    }

    /**
     * The stored number's digits, with any separators between them; a telephone also without its country code and as
     * the local number without its area code (024-23456789 is found as 23456789 too).
     */
    private static Pattern numberPattern(String number, boolean phone) {
        if (number == null) {
            return null;
        }
        String normal = normalize(number).trim();
        List<String> variants = new ArrayList<>();
        String digits = normal.replaceAll("[^0-9Xx]", "");
        if (phone) {
            digits = normal.replaceAll("\\D", "").replaceFirst("^(?:0086|86)(?=1[3-9]\\d{9}$)", "");
            String[] groups = normal.split("[^0-9]+");
            String local = groups.length > 1 ? groups[groups.length - 1] : null;
            if (local != null && local.length() >= 7 && digits.startsWith("0")) {
                variants.add(local);
            }
        }
        if (digits.length() >= MIN_NUMBER) {
            variants.add(0, digits);
        }
        if (variants.isEmpty()) {
            return null;
        }
        return Pattern.compile("(?<![0-9A-Za-z])" + (phone ? "(?:\\(?)" : "") + "(?:" + variants.stream().distinct()
                .map(v -> v.chars().mapToObj(c -> c == 'X' || c == 'x' ? "[Xx]" : String.valueOf((char) c))
                        .collect(Collectors.joining(NUMBER_SEPARATOR)))
                .collect(Collectors.joining("|")) + ")(?![0-9A-Za-z])");
    }
}
