package org.sunlight.procedure.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CaseNumbering.class)
class ProcedureConfiguration {
}
