package org.sunlight;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Camunda's REST API and webapps find "the" engine in a static registry (ProcessEngines), where each Spring context of
 * the test JVM registers its engine under the name "default" — the last one started wins. Tests that go through HTTP
 * register their own context's engine before each test, so that requests reach the database the test looks at.
 */
public class ThisContextsEngine implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ProcessEngine engine = SpringExtension.getApplicationContext(context).getBean(ProcessEngine.class);
        ProcessEngines.registerProcessEngine(engine);
    }
}
