package org.sunlight.record.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The chain reads the rows a transaction touched in one UNION ALL over their tables; verification reads them table by
 * table. A row must come out the same either way, or verification would report untouched rows as changed — on each
 * database, whose UNION derives its own column types ({@link StoredRowsUnionH2Tests}, {@link StoredRowsUnionMariaDbTests}).
 */
abstract class StoredRowsUnionContract {

    @Autowired StoredRows rows;
    @Autowired ProcessEngine engine;

    @Test
    void everyRowReadInOneUnionAcrossTablesAndChunksIsTheRowReadAloneByCase() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("test-union-read").camundaHistoryTimeToLive(10958)
                .startEvent().userTask("Task_Check").name("核对").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("test-union-read.bpmn", model).deploy();
        // every kind of value the engine stores: strings, numbers, dates, booleans, nulls, and JSON in a byte array
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < 130; i++) {
            variables.put("text" + i, "值 \"" + i + "\"\n");
        }
        variables.put("amount", 80_000L);
        variables.put("ratio", 0.125d);
        variables.put("flag", true);
        variables.put("nothing", null);
        variables.put("when", new java.util.Date(1_772_413_200_123L));
        variables.put("json", Variables.objectValue(Map.of("当事人", "某公司", "n", 3))
                .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("test-union-read", variables);
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        engine.getRuntimeService().setVariables(instance.getId(), Map.of("text0", "改", "amount", 90_000L));
        engine.getTaskService().complete(taskId);

        Map<String, String> alone = new HashMap<>();
        Map<RecordTables.Spec, List<String>> ids = new LinkedHashMap<>();
        for (RecordTables.Spec spec : RecordTables.ALL) {
            for (StoredRows.Row row : rows.byCase(spec, instance.getId())) {
                alone.put(spec.table() + '\u0000' + row.id(), row.json());
                ids.computeIfAbsent(spec, s -> new ArrayList<>()).add(row.id());
            }
        }
        assertThat(ids.keySet()).extracting(RecordTables.Spec::table)
                .contains("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "ACT_HI_VARINST", "ACT_HI_DETAIL");
        assertThat(alone.size()).as("more rows than one union reads at once").isGreaterThan(250);
        assertThat(alone.values()).anyMatch(json -> json.contains("\"BYTEARRAY_ID_:BYTES\":\"sha256:"));

        Map<String, String> union = new HashMap<>();
        rows.byIds(ids).forEach((key, row) -> union.put(key, row.json()));
        assertThat(union).isEqualTo(alone);
    }
}
