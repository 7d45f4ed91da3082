package org.sunlight.procedure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.BatchUpdateException;
import java.sql.SQLTransactionRollbackException;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.junit.jupiter.api.Test;
import org.sunlight.procedure.RuleViolation;

/** What the loser of two simultaneous completions is told, whichever way the database made it lose. */
class CommandErrorsTests {

    static CommandErrors failingWith(RuntimeException failure) {
        CommandErrors errors = new CommandErrors();
        errors.setNext(new CommandInterceptor() {
            @Override
            public <T> T execute(Command<T> command) {
                throw failure;
            }
        });
        return errors;
    }

    static RuntimeException deadlock() {
        // what MySQL Connector/J throws through MyBatis' batch flush when MariaDB picks this transaction as the victim
        SQLTransactionRollbackException victim = new SQLTransactionRollbackException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
        BatchUpdateException batch = new BatchUpdateException(victim.getMessage(), "40001", 1213, new int[0], victim);
        return new ProcessEnginePersistenceException("An exception occurred in the persistence layer", batch);
    }

    @Test
    void aDeadlockVictimCompletingATaskIsToldOfTheConflict() {
        assertThatThrownBy(() -> failingWith(deadlock()).execute(new CompleteTaskCmd("t-1", Map.of())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo(CommandErrors.CONFLICT);
                    assertThat(v.zh()).contains("t-1").contains("他人");
                });
    }

    @Test
    void aDeadlockOutsideTaskCommandsIsNotDisguised() {
        RuntimeException failure = deadlock();
        assertThatThrownBy(() -> failingWith(failure).execute(new GetTaskFormVariablesCmd("t-1", null, false)))
                .isSameAs(failure);
    }

    @Test
    void otherPersistenceFailuresOfATaskCommandStayFailures() {
        RuntimeException failure = new ProcessEnginePersistenceException("disk full",
                new java.sql.SQLException("The table is full", "HY000", 1114));
        assertThatThrownBy(() -> failingWith(failure).execute(new CompleteTaskCmd("t-1", Map.of())))
                .isSameAs(failure);
    }
}
