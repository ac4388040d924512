package io.synergy.api.config;

import io.synergy.api.application.ReadinessProbe;
import io.synergy.api.security.AccessRule;
import io.synergy.api.security.ApiKeyFilter;
import io.synergy.api.security.ApiKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class ApiGatewayConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayConfiguration.class);

    @Bean
    ReadinessProbe readinessProbe(ApiGatewayProperties properties) {
        // a client of its own: Boot 4 keeps WebClient's auto-configuration in a module this service does not need
        return new ReadinessProbe(WebClient.create(), properties.services(), properties.healthTimeout());
    }

    @Bean
    ApiKeyFilter apiKeyFilter(ApiKeyProperties keys) {
        ApiKeyring keyring = ApiKeyring.of(keys.hashesByScope());
        if (keyring.isEmpty()) {
            LOG.warn("no API keys configured (synergy.api.keys.admin / .inference): every path but health and the "
                    + "dashboard answers 401");
        }
        return new ApiKeyFilter(keyring, new AccessRule(keys.openPaths()));
    }
}
