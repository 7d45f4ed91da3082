package org.sunlight.supervision;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * History written straight into the tables the engine and Sunlight would have written (sl_case, ACT_HI_PROCINST,
 * ACT_HI_VARINST, sl_publication, sl_case_link) with batch inserts: for analytics tests and the 100,000-case benchmark,
 * where driving each case through its procedure would take hours. Variables are stored the way the engine stores
 * them: dates as epoch milliseconds in LONG_, booleans as 1/0 in LONG_, doubles in DOUBLE_, strings in TEXT_.
 * These rows are not in the record's hash chain: never use them where the record is verified.
 */
public final class GeneratedHistory {

    /** A case to generate; {@code ended} null: still open. */
    public record Case(String key, String processKey, String category, String department, String handler,
                       String party, Date started, Date ended, Map<String, Object> variables) {

        public Case with(String name, Object value) {
            Map<String, Object> vars = new LinkedHashMap<>(variables);
            vars.put(name, value);
            return new Case(key, processKey, category, department, handler, party, started, ended, vars);
        }
    }

    private final JdbcTemplate jdbc;
    private final List<Object[]> cases = new ArrayList<>();
    private final List<Object[]> instances = new ArrayList<>();
    private final List<Object[]> variables = new ArrayList<>();
    private final List<Object[]> publications = new ArrayList<>();
    private final List<Object[]> links = new ArrayList<>();
    private final List<Object[]> pauses = new ArrayList<>();

    public GeneratedHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static Case closed(String key, String processKey, String category, String department, String handler,
                              String party, Date started, Date ended) {
        return new Case(key, processKey, category, department, handler, party, started, ended, new LinkedHashMap<>());
    }

    public static String newKey(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 18);
    }

    public GeneratedHistory add(Case c) {
        String pi = "pi-" + c.key();
        cases.add(new Object[] {c.key(), c.key(), pi, c.processKey(), c.category(), c.department(), c.handler(),
                c.party(), "organization", c.ended() == null ? "open" : "closed", ts(c.started()), ts(c.ended())});
        instances.add(new Object[] {pi, pi, c.key(), c.processKey(), c.processKey() + ":1:gen", ts(c.started()),
                ts(c.ended()), pi, null, c.ended() == null ? "ACTIVE" : "COMPLETED"});
        c.variables().forEach((name, value) -> variable(c.processKey(), pi, pi, name, value));
        return this;
    }

    /** A legal review (法制审核) called from the case, approved or not. */
    public GeneratedHistory legalReview(Case c, boolean approved) {
        String pi = "pi-" + c.key();
        String review = "lr-" + UUID.randomUUID();
        instances.add(new Object[] {review, review, null, "legal-review", "legal-review:1:gen", ts(c.started()),
                ts(c.ended() == null ? c.started() : c.ended()), pi, pi, "COMPLETED"});
        variable("legal-review", pi, review, "reviewApproved", approved);
        return this;
    }

    public GeneratedHistory publication(Case c, Date decided, Date due, Date published, String status) {
        publications.add(new Object[] {UUID.randomUUID().toString(), c.key(), c.key(), c.category(), "fine", "罚款",
                c.department(), "市城乡建设委员会", c.handler(), ts(decided), 7, ts(due), status, "v1", 1, ts(published),
                ts(decided), ts(decided)});
        return this;
    }

    /** A period the case's named clock stood still (sl_clock_pause, as CaseClocks writes it). */
    public GeneratedHistory pause(Case c, String clock, Date from, Date to) {
        pauses.add(new Object[] {c.key(), clock, "检验检测（生成）", ts(from), ts(to)});
        return this;
    }

    public GeneratedHistory link(String from, String to) {
        links.add(new Object[] {from, to, "inspection-penalty", new Timestamp(System.currentTimeMillis())});
        return this;
    }

    private void variable(String processKey, String root, String pi, String name, Object value) {
        String type;
        Long longValue = null;
        Double doubleValue = null;
        String text = null;
        if (value instanceof Date d) {
            type = "date";
            longValue = d.getTime();
        } else if (value instanceof Boolean b) {
            type = "boolean";
            longValue = b ? 1L : 0L;
        } else if (value instanceof Double d) {
            type = "double";
            doubleValue = d;
        } else if (value instanceof Integer || value instanceof Long) {
            type = value instanceof Integer ? "integer" : "long";
            longValue = ((Number) value).longValue();
        } else {
            type = "string";
            text = String.valueOf(value);
        }
        variables.add(new Object[] {UUID.randomUUID().toString(), processKey, root, pi, pi, name, type,
                new Timestamp(System.currentTimeMillis()), 1, doubleValue, longValue, text, "CREATED"});
    }

    /** Writes everything added so far, in batches, and forgets it. */
    public void flush() {
        if (cases.isEmpty() && instances.isEmpty() && publications.isEmpty() && links.isEmpty() && pauses.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO sl_case (business_key, case_number, process_instance_id, process_key, category, "
                + "department_id, handler_id, party_name, party_type, status, started_at, ended_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", cases);
        jdbc.batchUpdate("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_, "
                + "START_TIME_, END_TIME_, ROOT_PROC_INST_ID_, SUPER_PROCESS_INSTANCE_ID_, STATE_) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", instances);
        jdbc.batchUpdate("INSERT INTO ACT_HI_VARINST (ID_, PROC_DEF_KEY_, ROOT_PROC_INST_ID_, PROC_INST_ID_, "
                + "EXECUTION_ID_, NAME_, VAR_TYPE_, CREATE_TIME_, REV_, DOUBLE_, LONG_, TEXT_, STATE_) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", variables);
        jdbc.batchUpdate("INSERT INTO sl_publication (public_id, business_key, case_number, category, kind, kind_name, "
                + "department_id, acting_body, handler_id, decided_at, period_days, due_at, status, masking_version, "
                + "revision, published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?)", publications);
        jdbc.batchUpdate("INSERT INTO sl_case_link (from_key, to_key, relation, created_at) VALUES (?, ?, ?, ?)", links);
        jdbc.batchUpdate("INSERT INTO sl_clock_pause (business_key, clock_name, reason, paused_at, resumed_at) "
                + "VALUES (?, ?, ?, ?, ?)", pauses);
        pauses.clear();
        cases.clear();
        instances.clear();
        variables.clear();
        publications.clear();
        links.clear();
    }

    private static Timestamp ts(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
