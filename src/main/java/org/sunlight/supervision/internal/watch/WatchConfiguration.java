package org.sunlight.supervision.internal.watch;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(WatchProperties.class)
class WatchConfiguration {
}
