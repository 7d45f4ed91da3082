package org.sunlight.collection.internal;

import org.springframework.stereotype.Component;
import org.sunlight.collection.FeeStatus;
import org.sunlight.collection.InfrastructureFees;

/** The register of infrastructure fee assessments (sl_fee_assessment), kept by the collection procedure's listeners. */
@Component
class FeeLedger implements InfrastructureFees {

    private final FeeMapper mapper;

    FeeLedger(FeeMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public FeeStatus status(String projectCode) {
        if (projectCode == null || projectCode.isBlank()) {
            throw new IllegalArgumentException("projectCode is required");
        }
        return new FeeStatus(projectCode.trim(), mapper.byProject(projectCode.trim()));
    }
}
