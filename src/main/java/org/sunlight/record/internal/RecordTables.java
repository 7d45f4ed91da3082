package org.sunlight.record.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The tables whose rows make up the whole-process record: every ACT_HI_* table that history level FULL writes for a
 * process (FACTS §6; no CMMN, cmmn-enabled is false), and Sunlight's evidence metadata. Each has an id column and the
 * column that names the case (its root process instance).
 */
final class RecordTables {

    record Spec(String table, String idColumn, String caseColumn, String labelZh) {
        /** The name in SQL: Sunlight's tables are lower case, and MySQL table names are case-sensitive on Linux. */
        String sqlName() {
            return table.startsWith("SL_") ? table.toLowerCase(java.util.Locale.ROOT) : table;
        }
    }

    static final String EVIDENCE = "SL_EVIDENCE";

    static final List<Spec> ALL = List.of(
            new Spec("ACT_HI_PROCINST", "ID_", "ROOT_PROC_INST_ID_", "流程实例"),
            new Spec("ACT_HI_ACTINST", "ID_", "ROOT_PROC_INST_ID_", "活动"),
            new Spec("ACT_HI_TASKINST", "ID_", "ROOT_PROC_INST_ID_", "任务"),
            new Spec("ACT_HI_VARINST", "ID_", "ROOT_PROC_INST_ID_", "变量"),
            new Spec("ACT_HI_DETAIL", "ID_", "ROOT_PROC_INST_ID_", "变量变更明细"),
            new Spec("ACT_HI_IDENTITYLINK", "ID_", "ROOT_PROC_INST_ID_", "办理人与候选人变更"),
            new Spec("ACT_HI_OP_LOG", "ID_", "ROOT_PROC_INST_ID_", "操作日志"),
            new Spec("ACT_HI_INCIDENT", "ID_", "ROOT_PROC_INST_ID_", "异常事件"),
            new Spec("ACT_HI_JOB_LOG", "ID_", "ROOT_PROC_INST_ID_", "作业日志"),
            new Spec("ACT_HI_EXT_TASK_LOG", "ID_", "ROOT_PROC_INST_ID_", "外部任务日志"),
            new Spec("ACT_HI_DECINST", "ID_", "ROOT_PROC_INST_ID_", "决策表评估"),
            new Spec("ACT_HI_DEC_IN", "ID_", "ROOT_PROC_INST_ID_", "决策输入"),
            new Spec("ACT_HI_DEC_OUT", "ID_", "ROOT_PROC_INST_ID_", "决策输出"),
            new Spec("ACT_HI_COMMENT", "ID_", "ROOT_PROC_INST_ID_", "意见"),
            new Spec("ACT_HI_ATTACHMENT", "ID_", "ROOT_PROC_INST_ID_", "附件"),
            new Spec("ACT_HI_BATCH", "ID_", null, "批量操作"),
            new Spec(EVIDENCE, "ID", "CHAIN_KEY", "证据材料"));

    private static final Map<String, Spec> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Spec::table, Function.identity()));

    /**
     * Columns holding the id of an ACT_GE_BYTEARRAY row: the bytes (large or serialized variable values, JSON from
     * forms, stack traces) are part of the record, so the digest covers their SHA-256 too.
     */
    static final Set<String> BYTE_ARRAY_COLUMNS = Set.of("BYTEARRAY_ID_", "CONTENT_ID_", "JOB_EXCEPTION_STACK_ID_",
            "ERROR_DETAILS_ID_");

    /**
     * Not part of the digest: the engine writes REMOVAL_TIME_ into every history row of a case in bulk when the case
     * ends (removal-time strategy "end", FACTS §6) — no history event announces it. It is derived from the end time
     * and the retention period, not a fact of the case. ANNOTATION_ of the operation log: an administrator's note on an
     * operation, editable afterwards by design (Cockpit, {@code set-annotation}) without a history event; the engine
     * logs the annotating itself as an operation.
     */
    static final Set<String> EXCLUDED_COLUMNS = Set.of("REMOVAL_TIME_", "ANNOTATION_");

    private RecordTables() {
    }

    static Spec spec(String table) {
        Spec spec = BY_NAME.get(table);
        if (spec == null) {
            throw new IllegalArgumentException("Not a record table: " + table);
        }
        return spec;
    }

    static String label(String table) {
        Spec spec = BY_NAME.get(table);
        return spec == null ? table : spec.labelZh();
    }
}
