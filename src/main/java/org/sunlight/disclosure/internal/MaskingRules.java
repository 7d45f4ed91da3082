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
 * reviewed and versioned on their own. Every text that leaves the building passes {@link #mask(String)} first
 * (《政府信息公开条例》第十五条; 《行政处罚法》第五十条; RULES 1.8).
 */
final class MaskingRules {

    /** A rule: its pattern's group {@code m} (or the whole match) becomes the replacement. */
    record Rule(String id, String name, String basis, Pattern pattern, String replacement, boolean repeat,
                boolean hasGroup) {
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

    private final String version;
    private final List<Rule> rules;

    private MaskingRules(String version, List<Rule> rules) {
        this.version = version;
        this.rules = rules;
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
                    source.contains("(?<m>")));
        }
        if (rules.stream().map(Rule::id).distinct().count() != rules.size()) {
            throw new IllegalStateException("Masking rule ids must be unique");
        }
        return new MaskingRules(version, List.copyOf(rules));
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

    Masked mask(String text) {
        if (text == null || text.isEmpty()) {
            return new Masked(text, Map.of());
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        String current = text;
        for (Rule rule : rules) {
            int rounds = 0;
            while (true) {
                int[] hits = {0};
                String next = apply(rule, current, hits);
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

    private static String apply(Rule rule, String text, int[] hits) {
        Matcher matcher = rule.pattern().matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        while (matcher.find()) {
            int start = rule.hasGroup() ? matcher.start("m") : matcher.start();
            int end = rule.hasGroup() ? matcher.end("m") : matcher.end();
            if (start < 0 || start == end || text.substring(start, end).equals(rule.replacement())) {
                continue;
            }
            out.append(text, last, start).append(rule.replacement());
            last = end;
            hits[0]++;
        }
        out.append(text, last, text.length());
        return out.toString();
    }
}
