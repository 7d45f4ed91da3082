package org.sunlight.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.junit.jupiter.api.Test;

/** Every operation the engine logs reads in Chinese in the record (an administrator or supervisor reads it, not code). */
class OperationNamesTests {

    @Test
    void everyOperationTypeOfTheEngineHasAChineseName() throws IllegalAccessException {
        List<String> untranslated = new ArrayList<>();
        for (Field field : UserOperationLogEntry.class.getFields()) {
            if (field.getName().startsWith("OPERATION_TYPE_") && Modifier.isStatic(field.getModifiers())) {
                String type = (String) field.get(null);
                String zh = RecordTimeline.operationZh(type);
                if (zh.contains(type) || !zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                    untranslated.add(type);
                }
            }
        }
        assertThat(untranslated).as("operation types without a Chinese name").isEmpty();
        assertThat(RecordTimeline.operationZh("SomethingNew")).isEqualTo("其他操作（SomethingNew）");
    }
}
