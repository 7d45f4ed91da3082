package org.sunlight.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Camunda Form checked against what the 7.24 Tasklist renders (form-js 1.8.7, FACTS §2) and against the
 * procedures that use it: JSON whose {@code id} is the file name, schemaVersion at most 16, only component types of the
 * 7.24 bundle, unique keys, Chinese labels; each key the form writes is read somewhere by its procedures (an
 * expression, a gateway condition, a listener, a DMN input, a later form) or marked as written for the record
 * (custom property {@code record=true}); each key it only displays exists; every form is some task's or start event's.
 * A key that is neither read nor marked is usually a typo of the variable the procedure reads.
 */
class FormCatalogueTests {

    static final Path FORMS = Path.of("forms");
    static final Path PROCESSES = Path.of("processes");
    static final Path DECISIONS = Path.of("dmn");
    static final Path JAVA = Path.of("src/main/java");

    /** The 7.24 Tasklist bundles form-js 1.8.7, schema version 16. */
    static final int MAX_SCHEMA_VERSION = 16;

    /** Component types registered in the 7.24 bundle (FACTS §2); filepicker and documentPreview are not. */
    static final Set<String> TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "checklist",
            "radio", "select", "taglist", "button", "text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "iframe", "table", "expression");

    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Attributes naming variables outright: call activity in/out mappings, result and collection variables. */
    static final Pattern VARIABLE_ATTRIBUTE = Pattern.compile(
            "(?:source|target|camunda:resultVariable|camunda:collection|camunda:elementVariable|camunda:initiator"
                    + "|camunda:assignee|camunda:candidateUsers|camunda:candidateGroups|camunda:dueDate)=\"([^\"]*)\"");
    static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    static final Pattern CALLED = Pattern.compile("calledElement=\"([^\"]+)\"");
    static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"");
    static final Pattern DMN_INPUT = Pattern.compile("<inputExpression[^>]*>\\s*<text>(.*?)</text>", Pattern.DOTALL);
    static final Pattern DMN_OUTPUT = Pattern.compile("<output [^>]*name=\"([^\"]+)\"");
    /** Unrolled and possessive so a long literal cannot overflow the matcher's stack; a literal ends at its line. */
    static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+)\"");
    static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    static final ObjectMapper JSON = new ObjectMapper();

    record Field(String key, String type, String label, boolean displayOnly, boolean forRecord, String valuesKey) {
    }

    record Form(String file, JsonNode root, List<Field> fields) {
    }

    /** A BPMN file as text, with what it references. */
    record Procedure(String id, String xml, Set<String> formRefs, Set<String> called, Set<String> decisions,
                     Set<String> identifiers) {
    }

    static Stream<String> formFiles() {
        return list(FORMS, ".form").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void rendersInTheTasklistOf724(String id) {
        Form form = form(id);
        assertThat(form.root().path("id").asText()).as("%s: form id = file name", id).isEqualTo(id);
        assertThat(form.root().path("type").asText()).as("%s: root type", id).isEqualTo("default");
        assertThat(form.root().has("schemaVersion")).as("%s: schemaVersion present", id).isTrue();
        assertThat(form.root().path("schemaVersion").asInt()).as("%s: schemaVersion (7.24 renders up to %d)", id,
                MAX_SCHEMA_VERSION).isBetween(1, MAX_SCHEMA_VERSION);
        if (form.root().has("executionPlatform")) {
            assertThat(form.root().path("executionPlatform").asText()).as("%s: execution platform", id)
                    .isEqualTo("Camunda Platform");
            assertThat(form.root().path("executionPlatformVersion").asText()).as("%s: platform version", id)
                    .startsWith("7.");
        }
        List<String> unsupported = new ArrayList<>();
        components(form.root()).forEach(c -> {
            if (!TYPES.contains(c.path("type").asText())) {
                unsupported.add(c.path("id").asText() + ": " + c.path("type").asText());
            }
        });
        assertThat(unsupported).as("%s: component types the 7.24 Tasklist does not render", id).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void keysAreUniqueAndFieldsSpeakChinese(String id) {
        Form form = form(id);
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        List<String> notChinese = new ArrayList<>();
        for (Field field : form.fields()) {
            // a disabled field only shows what another field of the form edits (not submitted): one editable field per key
            if (!field.displayOnly() && !seen.add(field.key())) {
                duplicates.add(field.key());
            }
            if (field.label() == null || !HAN.matcher(field.label()).find()) {
                notChinese.add(field.key() + " = " + field.label());
            }
        }
        assertThat(duplicates).as("%s: keys edited by two fields (one variable, two inputs)", id).isEmpty();
        assertThat(notChinese).as("%s: labels an officer reads must be Chinese", id).isEmpty();
        components(form.root()).forEach(c -> {
            List<String> values = new ArrayList<>();
            c.path("values").forEach(v -> values.add(v.path("value").asText()));
            assertThat(values).as("%s: option values of %s", id, c.path("key").asText()).doesNotHaveDuplicates();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formFiles")
    void everyKeyIsReadByItsProcedureOrKeptForTheRecord(String id) {
        Form form = form(id);
        List<Procedure> family = family(id);
        assertThat(family).as("%s: the procedures that use it", id).isNotEmpty();
        assertThat(unreadKeys(form, family)).as("%s: keys that no expression, listener, DMN input or later form of %s "
                + "reads; fix the key or mark the field with the custom property record=true", id, names(family)).isEmpty();
        assertThat(unknownDisplays(form, family)).as("%s: displayed variables that nothing in %s sets", id,
                names(family)).isEmpty();
    }

    static List<String> unreadKeys(Form form, List<Procedure> family) {
        Set<String> read = readBy(family, form.file());
        return form.fields().stream().filter(f -> !f.displayOnly() && !f.forRecord() && !read.contains(f.key()))
                .map(Field::key).toList();
    }

    static List<String> unknownDisplays(Form form, List<Procedure> family) {
        Set<String> known = knownVariables(family);
        List<String> unknown = new ArrayList<>();
        for (Field field : form.fields()) {
            if (field.displayOnly() && !known.contains(field.key())) {
                unknown.add(field.key());
            }
            if (field.valuesKey() != null && !known.contains(field.valuesKey())) {
                unknown.add(field.valuesKey() + " (options of " + field.key() + ")");
            }
        }
        return unknown;
    }

    @Test
    void everyFormBelongsToATaskOrStartEventAndEveryReferenceHasItsForm() {
        Set<String> referenced = new TreeSet<>();
        procedures().values().forEach(p -> referenced.addAll(p.formRefs()));
        assertThat(new TreeSet<>(list(FORMS, ".form"))).as("forms without a task or start event")
                .isEqualTo(referenced);
    }

    @Test
    void aMistypedKeyIsReported() {
        // the check itself, on a copy of a real form: the written key fineAmount misspelt, a displayed key misspelt
        Form real = form("penalty-proposal");
        List<Field> fields = new ArrayList<>();
        for (Field f : real.fields()) {
            String key = switch (f.key()) {
                case "fineAmount" -> "fineAmout";
                case "minFine" -> "minFin";
                default -> f.key();
            };
            fields.add(new Field(key, f.type(), f.label(), f.displayOnly(), f.forRecord(), f.valuesKey()));
        }
        Form typo = new Form(real.file(), real.root(), fields);
        List<Procedure> family = family("penalty-proposal");
        assertThat(unreadKeys(real, family)).isEmpty();
        assertThat(unreadKeys(typo, family)).containsExactly("fineAmout");
        assertThat(unknownDisplays(typo, family)).containsExactly("minFin");
    }

    // ------------------------------------------------------------------ model

    static Form form(String id) {
        JsonNode root;
        try {
            root = JSON.readTree(FORMS.resolve(id + ".form").toFile());
        } catch (IOException e) {
            throw new AssertionError(id + ".form is not valid JSON: " + e.getMessage(), e);
        }
        List<Field> fields = new ArrayList<>();
        components(root).forEach(c -> {
            String key = c.path("key").asText(null);
            if (key != null && !"button".equals(c.path("type").asText())) {
                String label = c.hasNonNull("label") ? c.path("label").asText() : c.path("dateLabel").asText(null);
                fields.add(new Field(key, c.path("type").asText(), label, c.path("disabled").asBoolean(false)
                        || c.path("readonly").asBoolean(false),
                        "true".equals(c.path("properties").path("record").asText()), c.path("valuesKey").asText(null)));
            }
        });
        return new Form(id, root, fields);
    }

    static List<JsonNode> components(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        root.path("components").forEach(todo::add);
        while (!todo.isEmpty()) {
            JsonNode c = todo.poll();
            all.add(c);
            c.path("components").forEach(todo::add);
        }
        return all;
    }

    static Map<String, Procedure> procedures() {
        Map<String, Procedure> procedures = new TreeMap<>();
        for (String id : list(PROCESSES, ".bpmn")) {
            String xml = read(PROCESSES.resolve(id + ".bpmn"));
            Set<String> identifiers = new HashSet<>();
            Matcher expression = EXPRESSION.matcher(xml);
            while (expression.find()) {
                identifiers.addAll(identifiers(expression.group(1)));
            }
            Matcher attribute = VARIABLE_ATTRIBUTE.matcher(xml);
            while (attribute.find()) {
                identifiers.addAll(identifiers(attribute.group(1)));
            }
            procedures.put(id, new Procedure(id, xml, all(FORM_REF, xml), all(CALLED, xml), all(DECISION_REF, xml),
                    identifiers));
        }
        return procedures;
    }

    /** The procedures that reference the form, with every procedure they call or are called by. */
    static List<Procedure> family(String formId) {
        Map<String, Procedure> all = procedures();
        Set<String> members = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        all.values().stream().filter(p -> p.formRefs().contains(formId)).forEach(p -> todo.add(p.id()));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!members.add(id) || !all.containsKey(id)) {
                continue;
            }
            todo.addAll(all.get(id).called());
            all.values().stream().filter(p -> p.called().contains(id)).forEach(p -> todo.add(p.id()));
        }
        return members.stream().filter(all::containsKey).map(all::get).toList();
    }

    /** Variables the family reads: expressions and conditions, DMN inputs, listeners (Java), other forms' displays. */
    static Set<String> readBy(List<Procedure> family, String formId) {
        Set<String> read = new HashSet<>();
        for (Procedure p : family) {
            read.addAll(p.identifiers());
            for (String decision : p.decisions()) {
                Matcher input = DMN_INPUT.matcher(read(DECISIONS.resolve(decision + ".dmn")));
                while (input.find()) {
                    read.addAll(identifiers(input.group(1)));
                }
            }
            for (String other : p.formRefs()) {
                if (!other.equals(formId)) {
                    form(other).fields().stream().filter(Field::displayOnly).forEach(f -> read.add(f.key()));
                }
            }
        }
        read.addAll(javaLiterals());
        return read;
    }

    /** Variables that exist for a form to display: written by a form, a decision, an expression or a listener. */
    static Set<String> knownVariables(List<Procedure> family) {
        Set<String> known = new HashSet<>(javaLiterals());
        for (Procedure p : family) {
            known.addAll(p.identifiers());
            for (String decision : p.decisions()) {
                known.addAll(all(DMN_OUTPUT, read(DECISIONS.resolve(decision + ".dmn"))));
            }
            for (String formId : p.formRefs()) {
                form(formId).fields().stream().filter(f -> !f.displayOnly()).forEach(f -> known.add(f.key()));
            }
        }
        return known;
    }

    private static Set<String> javaLiteralsCache;

    /** Identifiers inside the string literals of the main code: the variables listeners read and write. */
    static synchronized Set<String> javaLiterals() {
        if (javaLiteralsCache == null) {
            Set<String> literals = new HashSet<>();
            try (Stream<Path> files = Files.walk(JAVA)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                    Matcher literal = STRING_LITERAL.matcher(read(f));
                    while (literal.find()) {
                        literals.addAll(identifiers(literal.group(1)));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            javaLiteralsCache = literals;
        }
        return javaLiteralsCache;
    }

    static Set<String> identifiers(String text) {
        Set<String> ids = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static List<String> names(List<Procedure> family) {
        return family.stream().map(Procedure::id).toList();
    }

    static List<String> list(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
