package org.sunlight.record.internal;

import java.nio.file.Path;
import java.time.Period;

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
        /**
         * How long before the case was started evidence may have been captured. A violation is punished only when
         * discovered within 2 years of its end, 5 where life, health or financial safety was harmed (行政处罚法第三十六条);
         * a continuing violation counts from its end, so its evidence may be older. Twice the longest period covers
         * that; a capture time such as 0001-01-01 or a camera's reset clock (1970, 2000) is a wrong entry, refused.
         */
        private Period maxCaptureBeforeCase = Period.ofYears(10);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public Period getMaxCaptureBeforeCase() {
            return maxCaptureBeforeCase;
        }

        public void setMaxCaptureBeforeCase(Period maxCaptureBeforeCase) {
            this.maxCaptureBeforeCase = maxCaptureBeforeCase;
        }
    }
}
