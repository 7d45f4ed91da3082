package org.sunlight.procedure;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A step refused because it would break a rule of law or of the procedure. Thrown from listeners and delegates, it
 * rolls the whole step back; the REST API answers 400 and Tasklist shows the message, which is Chinese first, then
 * English ("中文 / English"). The code is stable for programs.
 */
public class RuleViolation extends FormFieldValidationException {

    private final String code;
    private final String zh;
    private final String en;

    public RuleViolation(String code, String zh, String en) {
        super(code, zh + " / " + en);
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    public String code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
