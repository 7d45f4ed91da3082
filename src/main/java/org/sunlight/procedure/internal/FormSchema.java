package org.sunlight.procedure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a Camunda Form (form-js JSON) as a contract for what a submission may carry: a field's key is the
 * process variable it writes; its type and validate block say what a value must look like. Tasklist checks these in
 * the browser; Sunlight checks them again on the server, for every client.
 */
record FormSchema(String id, Map<String, Field> fields) {

    /** Caps for text without an explicit maxLength: a form is not a file store. */
    static final int TEXTFIELD_CAP = 500;
    static final int TEXTAREA_CAP = 20_000;

    record Field(String key, String label, String type, boolean required, boolean conditional, Double min, Double max,
                 Integer minLength, Integer maxLength, Pattern pattern, String validationType, List<String> values,
                 String valuesKey) {
    }

    static FormSchema parse(ObjectMapper mapper, String json) {
        try {
            JsonNode root = mapper.readTree(json);
            Map<String, Field> fields = new LinkedHashMap<>();
            collect(root.path("components"), false, fields);
            return new FormSchema(root.path("id").asText(), fields);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable form definition", e);
        }
    }

    private static void collect(JsonNode components, boolean underCondition, Map<String, Field> fields) {
        for (JsonNode component : components) {
            boolean conditional = underCondition || component.has("conditional");
            if (component.has("components")) {
                collect(component.path("components"), conditional, fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || component.path("disabled").asBoolean(false) || "button".equals(component.path("type").asText())) {
                continue;
            }
            JsonNode validate = component.path("validate");
            List<String> values = new ArrayList<>();
            component.path("values").forEach(v -> values.add(v.path("value").asText()));
            String pattern = validate.path("pattern").asText(null);
            String type = component.path("type").asText();
            Integer maxLength = null;
            if (validate.has("maxLength")) {
                maxLength = validate.path("maxLength").asInt();
            } else if ("textarea".equals(type)) {
                maxLength = TEXTAREA_CAP;
            } else if ("textfield".equals(type) || "select".equals(type) || "radio".equals(type)) {
                maxLength = TEXTFIELD_CAP;
            }
            fields.put(key, new Field(key, component.path("label").asText(key), type,
                    validate.path("required").asBoolean(false), conditional,
                    validate.has("min") ? validate.path("min").asDouble() : null,
                    validate.has("max") ? validate.path("max").asDouble() : null,
                    validate.has("minLength") ? validate.path("minLength").asInt() : null,
                    maxLength,
                    pattern == null || pattern.isBlank() ? null : Pattern.compile(pattern),
                    validate.path("validationType").asText(null), values, component.path("valuesKey").asText(null)));
        }
    }
}
