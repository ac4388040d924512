package io.synergy.api.config;

import io.synergy.api.application.ReadinessProbe;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class ApiGatewayConfiguration {

    @Bean
    ReadinessProbe readinessProbe(ApiGatewayProperties properties) {
        // a client of its own: Boot 4 keeps WebClient's auto-configuration in a module this service does not need
        return new ReadinessProbe(WebClient.create(), properties.services(), properties.healthTimeout());
    }
}
