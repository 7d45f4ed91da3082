package org.sunlight.record.internal;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.CommentEntity;
import org.springframework.stereotype.Component;

/**
 * Engine hooks of the record: the audio/video rule on user tasks ({@link AvRecordingParseListener}), and the chain's
 * tap on comments and attachments — which the engine writes to ACT_HI_COMMENT / ACT_HI_ATTACHMENT without a history
 * event, so the chain picks them out of the command's entity cache (new, changed or deleted) before the flush.
 */
@Component
class RecordEnginePlugin extends AbstractProcessEnginePlugin {

    private final RecordChain chain;
    private final AvRecordingParseListener avRecording;

    RecordEnginePlugin(RecordChain chain, AvRecordingParseListener avRecording) {
        this.chain = chain;
        this.avRecording = avRecording;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (chain.bare()) {
            return; // benchmark baseline (sunlight.bench.bare): neither the audio/video rule nor the comment tap
        }
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<BpmnParseListener>());
        }
        configuration.getCustomPostBPMNParseListeners().add(avRecording);
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new CommentCapture());
    }

    /** Runs inside each command's context, after the command and before the context flushes. */
    private final class CommentCapture extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            T result = next.execute(command);
            if (chain.enabled()) {
                capture(Context.getCommandContext());
            }
            return result;
        }

        private void capture(CommandContext context) {
            if (context == null || !(context.getSessions().get(DbEntityManager.class) instanceof DbEntityManager db)) {
                return;
            }
            for (CachedDbEntity cached : db.getDbEntityCache().getCachedEntities()) {
                if (cached.getEntity() instanceof CommentEntity comment && written(cached)) {
                    chain.collect(new RowRef("ACT_HI_COMMENT", comment.getId(), comment.getRootProcessInstanceId()));
                } else if (cached.getEntity() instanceof AttachmentEntity attachment && written(cached)) {
                    chain.collect(new RowRef("ACT_HI_ATTACHMENT", attachment.getId(),
                            attachment.getRootProcessInstanceId()));
                }
            }
        }

        private boolean written(CachedDbEntity cached) {
            DbEntityState state = cached.getEntityState();
            return state == DbEntityState.TRANSIENT || state == DbEntityState.MERGED
                    || state == DbEntityState.DELETED_PERSISTENT || state == DbEntityState.DELETED_MERGED
                    || (state == DbEntityState.PERSISTENT && cached.isDirty());
        }
    }
}
