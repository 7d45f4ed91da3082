package org.sunlight;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules are the direct sub-packages of org.sunlight; they use each other's public types only, without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SunlightApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void documentTheModules() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
