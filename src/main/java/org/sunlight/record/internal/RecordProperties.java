package org.sunlight.record.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** {@code sunlight.record.*}: the whole-process record. */
@ConfigurationProperties("sunlight.record")
public class RecordProperties {

    private final Chain chain = new Chain();
    private final Evidence evidence = new Evidence();
    /** Where evidence files live, by SHA-256 (content addressed, never overwritten). */
    private Path evidenceStore = Path.of("data", "evidence");

    public Chain getChain() {
        return chain;
    }

    public Evidence getEvidence() {
        return evidence;
    }

    public Path getEvidenceStore() {
        return evidenceStore;
    }

    public void setEvidenceStore(Path evidenceStore) {
        this.evidenceStore = evidenceStore;
    }

    public static class Chain {
        /**
         * The hash chain is part of the record and stays on. It can be switched off only so that the benchmark can
         * measure what it costs (BENCHMARKS.md); history written while it is off is reported as "extra" by verify.
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class Evidence {
        /** Largest evidence file accepted (a long body-camera video is a few GiB). */
        private DataSize maxSize = DataSize.ofGigabytes(4);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }
}
