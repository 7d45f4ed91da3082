package org.sunlight.procedure.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CaseNumbering.class)
class ProcedureConfiguration {

    /** Refusals of a step as the officer should read them, on both REST APIs Tasklist and clients use. */
    @Bean
    FilterRegistrationBean<RefusalMessages> refusalMessages(ObjectMapper mapper) {
        FilterRegistrationBean<RefusalMessages> registration = new FilterRegistrationBean<>(new RefusalMessages(mapper));
        registration.setName("sunlight-refusal-messages");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        return registration;
    }
}
