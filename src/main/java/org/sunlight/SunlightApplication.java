package org.sunlight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;

/**
 * Sunlight (阳光执法). Users and passwords live in Camunda's identity service only: Spring Boot's generated user
 * (whose password it would print in the log) is switched off.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class SunlightApplication {

    public static void main(String[] args) {
        SpringApplication.run(SunlightApplication.class, args);
    }
}
