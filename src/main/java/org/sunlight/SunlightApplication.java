package org.sunlight;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SunlightApplication {
    public static void main(String[] args) {
        SpringApplication.run(SunlightApplication.class, args);
    }
}
