package org.sunlight.procedure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.sunlight.procedure.RuleViolation;

/**
 * A task completion or form submission may only carry the fields of the task's Camunda Form, each valid by the form's
 * own rules. So a client cannot set a variable the engine owns (e.g. {@code reviewApproved} or {@code notifiedFine})
 * by completing a task, and bad input gets a clear 400 before anything is written. Start forms likewise.
 * <p>
 * Installed as a command interceptor inside the command's context (after the engine's own interceptors): the check's
 * task query then runs in the command's transaction and leaves the task in the context's cache, where the command finds
 * it again, instead of costing a transaction and a query of its own on every submission. Only the outermost command
 * (what a client asked for) is checked; the commands the engine and the check themselves run inside it are not.
 */
class FormContract extends CommandInterceptor {

    private final ObjectMapper mapper;
    private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();
    private TaskService taskService;
    private FormService formService;
    private RepositoryService repositoryService;
    /** How many engine commands this thread is inside of, to check only the outermost one. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    FormContract(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void connect(TaskService taskService, FormService formService, RepositoryService repositoryService) {
        this.taskService = taskService;
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    @Override
    public <T> T execute(Command<T> command) {
        int[] level = depth.get();
        level[0]++;
        try {
            RuleViolation offList = level[0] == 1 && taskService != null ? check(command) : null;
            T result = next.execute(command);
            // a value outside the task's dynamic options is refused after the step's own rules ran, so that their more
            // precise message wins where they have one; throwing here still rolls the whole command back
            if (offList != null) {
                throw offList;
            }
            return result;
        } finally {
            level[0]--;
        }
    }

    /** Throws what is wrong with the submission; returns a value outside the task's dynamic options, if any. */
    private RuleViolation check(Command<?> command) {
        if (command instanceof SubmitTaskFormCmd || command instanceof CompleteTaskCmd) {
            return checkTask(field(command, "taskId"), field(command, command instanceof SubmitTaskFormCmd ? "properties" : "variables"));
        } else if (command instanceof SubmitStartFormCmd) {
            checkStart(field(command, "processDefinitionId"), field(command, "variables"));
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl builder = field(command, "instantiationBuilder");
            String id = builder.getProcessDefinitionId();
            if (id == null && builder.getProcessDefinitionKey() != null) {
                ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
                        .processDefinitionKey(builder.getProcessDefinitionKey()).latestVersion().singleResult();
                id = latest == null ? null : latest.getId();
            }
            if (id != null) {
                checkStart(id, builder.getVariables());
            }
        }
        return null;
    }

    private RuleViolation checkTask(String taskId, Map<String, Object> submitted) {
        Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) {
            return null; // the command itself reports the missing task or the missing permission
        }
        CamundaFormRef ref = task.getCamundaFormRef();
        if (ref == null) {
            if (submitted != null && !submitted.isEmpty() && task.getProcessDefinitionId() != null) {
                throw new RuleViolation("form-unknown-field", "该任务没有表单字段，不能提交变量", "This task takes no variables");
            }
            return null;
        }
        FormSchema schema = cache.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                k -> read(formService.getDeployedTaskForm(taskId)));
        try {
            check(schema, submitted);
        } catch (RuleViolation wrong) {
            // someone who may not work the task learns that, not which fields its form requires
            org.camunda.bpm.engine.impl.interceptor.CommandContext context = org.camunda.bpm.engine.impl.context.Context.getCommandContext();
            context.getProcessEngineConfiguration().getCommandCheckers()
                    .forEach(checker -> checker.checkTaskWork((org.camunda.bpm.engine.impl.persistence.entity.TaskEntity) task));
            throw wrong;
        }
        // read each list of options once: the two officer fields share theirs
        Map<String, List<String>> offered = new java.util.HashMap<>();
        return offList(schema, submitted, valuesKey -> offered.computeIfAbsent(valuesKey,
                key -> options(taskService.getVariableLocal(taskId, key))));
    }

    /** The values of a form's dynamic options (valuesKey: a JSON list of {label, value} the task was given). */
    private static List<String> options(Object list) {
        if (!(list instanceof SpinJsonNode node) || !node.isArray()) {
            return List.of();
        }
        return node.elements().stream().filter(e -> e.hasProp("value")).map(e -> e.prop("value"))
                .map(v -> v.isString() ? v.stringValue() : v.toString()).toList();
    }

    private void checkStart(String processDefinitionId, Map<String, Object> submitted) {
        String key = processDefinitionId + "#start";
        FormSchema schema = cache.get(key);
        if (schema == null) {
            if (formService.getStartFormData(processDefinitionId).getCamundaFormRef() == null) {
                return;
            }
            schema = read(formService.getDeployedStartForm(processDefinitionId));
            cache.put(key, schema);
        }
        check(schema, submitted);
    }

    private FormSchema read(InputStream stream) {
        try (stream) {
            return FormSchema.parse(mapper, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void check(FormSchema schema, Map<String, Object> submitted) {
        Map<String, Object> values = submitted == null ? Map.of() : submitted;
        for (String name : values.keySet()) {
            if (!schema.fields().containsKey(name)) {
                throw new RuleViolation("form-unknown-field", "表单中没有字段“" + name + "”，不能提交",
                        "The form '" + schema.id() + "' has no field '" + name + "'");
            }
        }
        for (FormSchema.Field field : schema.fields().values()) {
            // a VariableMap unwraps values on get(): read the typed value, so that a serialized Object is refused, not
            // deserialized
            Object value = raw(values instanceof org.camunda.bpm.engine.variable.VariableMap map
                    ? map.getValueTyped(field.key()) : values.get(field.key()));
            boolean empty = value == null || (value instanceof String s && s.isBlank())
                    || (value instanceof Collection<?> c && c.isEmpty());
            if (empty) {
                if (field.required() && !field.conditional()) {
                    throw new RuleViolation("missing-field", "请填写“" + field.label() + "”", "Field " + field.key() + " is required");
                }
                continue;
            }
            checkValue(field, value, field.valuesKey() == null ? field.values() : null);
        }
    }

    /**
     * The first submitted value outside the options a field with dynamic options (form-js valuesKey) was given, or null.
     * @param dynamicOptions the values offered under a valuesKey (empty when none were)
     */
    static RuleViolation offList(FormSchema schema, Map<String, Object> submitted,
                                 java.util.function.Function<String, List<String>> dynamicOptions) {
        for (FormSchema.Field field : schema.fields().values()) {
            Object value = submitted == null || field.valuesKey() == null ? null
                    : raw(submitted instanceof org.camunda.bpm.engine.variable.VariableMap map
                            ? map.getValueTyped(field.key()) : submitted.get(field.key()));
            if (value == null || (value instanceof String s && s.isBlank())) {
                continue;
            }
            List<String> offered = dynamicOptions.apply(field.valuesKey());
            for (Object item : value instanceof Collection<?> items ? items : List.of(value)) {
                if (!offered.contains(String.valueOf(item))) {
                    String shown = abbreviate(String.valueOf(item));
                    return invalid(field, "“" + field.label() + "”只能选择表单列出的选项，“" + shown + "”不在其中",
                            "must be one of the options the form offers, not '" + shown + "'");
                }
            }
        }
        return null;
    }

    /** @param options the values the field offers: empty for any value, null for dynamic options (checked apart) */
    private static void checkValue(FormSchema.Field field, Object value, List<String> options) {
        String label = "“" + field.label() + "”";
        boolean list = "checklist".equals(field.type()) || "taglist".equals(field.type());
        // a form field holds one value (a list only for checklists and tag lists): an object or a list in a text field
        // would be stored as a serialized Java object that no person can read in the record
        if (!list && !(value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date)) {
            throw invalid(field, label + "只能填写一个值，不能是列表或对象", "must be a single value, not a list or an object");
        }
        switch (field.type()) {
            case "number" -> {
                double number;
                try {
                    number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw invalid(field, label + "必须是数字", "must be a number");
                }
                if (Double.isNaN(number) || Double.isInfinite(number)) {
                    throw invalid(field, label + "必须是数字", "must be a number");
                }
                if (field.min() != null && number < field.min()) {
                    throw invalid(field, label + "不能小于 " + plain(field.min()), "must be at least " + plain(field.min()));
                }
                if (field.max() != null && number > field.max()) {
                    throw invalid(field, label + "不能大于 " + plain(field.max()), "must be at most " + plain(field.max()));
                }
            }
            case "checkbox" -> {
                if (!(value instanceof Boolean) && !"true".equals(value.toString()) && !"false".equals(value.toString())) {
                    throw invalid(field, label + "只能是“是”或“否”", "must be true or false");
                }
            }
            case "datetime" -> {
                if (!(value instanceof Date) && !value.toString().matches(
                        "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?")) {
                    throw invalid(field, label + "不是有效的日期", "is not a valid date");
                }
            }
            case "select", "radio" -> {
                if (options != null && !options.isEmpty() && !options.contains(value.toString())) {
                    throw invalid(field, label + "的选项无效", "has an invalid option");
                }
                checkText(field, label, value.toString());
            }
            case "checklist", "taglist" -> {
                if (!(value instanceof Collection<?> items)) {
                    throw invalid(field, label + "应为多个选项的列表", "must be a list");
                }
                for (Object item : items) {
                    if (options != null && !options.isEmpty() && !options.contains(String.valueOf(item))) {
                        throw invalid(field, label + "包含无效选项", "contains an invalid option");
                    }
                }
            }
            default -> checkText(field, label, value.toString());
        }
    }

    private static void checkText(FormSchema.Field field, String label, String text) {
        if (text.indexOf('\0') >= 0) {
            throw invalid(field, label + "包含非法字符", "contains a NUL character");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            throw invalid(field, label + "最多 " + field.maxLength() + " 个字", "is longer than " + field.maxLength() + " characters");
        }
        if (field.minLength() != null && text.length() < field.minLength()) {
            throw invalid(field, label + "至少 " + field.minLength() + " 个字", "is shorter than " + field.minLength() + " characters");
        }
        if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
            throw invalid(field, label + "格式不正确", "has the wrong format");
        }
        if ("email".equals(field.validationType()) && !text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw invalid(field, label + "不是有效的电子邮箱", "is not a valid e-mail address");
        }
        if ("phone".equals(field.validationType()) && !text.matches("\\+?[0-9][0-9 \\-]{5,19}")) {
            throw invalid(field, label + "不是有效的电话号码", "is not a valid phone number");
        }
    }

    /** Value types a Camunda Form submits; anything else (Object, Bytes, File) is not form input. */
    static final java.util.Set<String> FORM_VALUE_TYPES = java.util.Set.of("string", "boolean", "integer", "long",
            "short", "double", "date", "null", "json");

    /** Typed values from REST and Json (Spin) lists to plain Java values. */
    static Object raw(Object value) {
        if (value instanceof TypedValue typed && typed.getType() != null
                && !FORM_VALUE_TYPES.contains(typed.getType().getName())) {
            throw new RuleViolation("invalid-value-type", "表单不接受“" + typed.getType().getName() + "”类型的值",
                    "Forms do not take values of type " + typed.getType().getName());
        }
        Object v = value instanceof TypedValue typed ? typed.getValue() : value;
        if (v instanceof SpinJsonNode node) {
            if (node.isArray()) {
                return node.elements().stream().map(e -> e.isString() ? e.stringValue() : e.toString()).toList();
            }
            // a JSON object stays an object (refused where a single value belongs); scalars become their text
            return node.isObject() ? node : node.isString() ? node.stringValue() : node.toString();
        }
        return v;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static RuleViolation invalid(FormSchema.Field field, String zh, String en) {
        return new RuleViolation("invalid-field", zh, "Field " + field.key() + " " + en);
    }

    private static String plain(Double d) {
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
    }

    @SuppressWarnings("unchecked")
    static <V> V field(Object command, String name) {
        Class<?> type = command.getClass();
        while (type != null) {
            try {
                java.lang.reflect.Field f = type.getDeclaredField(name);
                f.setAccessible(true);
                return (V) f.get(command);
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("No field " + name + " in " + command.getClass());
    }

    List<String> cachedForms() {
        return List.copyOf(cache.keySet());
    }
}
