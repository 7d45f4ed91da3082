package org.sunlight.collection;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * A test-only stand-in for the coercion module's {@code coercive-execution} (contract: called with executionBasis,
 * principal, surcharge, decisionDocumentNo, partyType, partyName, partyIdNumber, partyAddress, obligation and the
 * caller's business key; returns executionOutcome). It waits at a task until the test sets the outcome. Deployed
 * for one test and removed afterwards, so the real process stays the latest version for every other test.
 */
final class CoerciveExecutionStub {

    static final String TASK = "Task_StubExecution";

    private CoerciveExecutionStub() {
    }

    static String deploy(RepositoryService repository) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("coercive-execution").camundaHistoryTimeToLive(10958)
                .startEvent().userTask(TASK).endEvent().done();
        return repository.createDeployment().name("coercive-execution test stub")
                .addModelInstance("coercive-execution-stub.bpmn", model).deploy().getId();
    }

    static void remove(RepositoryService repository, String deploymentId) {
        repository.deleteDeployment(deploymentId, true, true, true);
    }
}
