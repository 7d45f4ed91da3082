package org.sunlight.supervision.internal.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts the checklist tests (DMN inputs, by name) and, per fact, the history entries they were read from. */
final class CaseFacts {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<Proof>> proofs = new LinkedHashMap<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();

    void put(String fact, Object value, List<Proof> why) {
        values.put(fact, value);
        proofs.computeIfAbsent(fact, f -> new ArrayList<>()).addAll(why);
    }

    void note(String fact, String text) {
        notes.computeIfAbsent(fact, f -> new ArrayList<>()).add(text);
    }

    Map<String, Object> values() {
        return values;
    }

    List<Proof> proofs(String fact) {
        return proofs.getOrDefault(fact, List.of());
    }

    List<String> notes(String fact) {
        return notes.getOrDefault(fact, List.of());
    }
}
