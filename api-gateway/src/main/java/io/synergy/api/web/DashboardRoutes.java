package io.synergy.api.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The dashboard is static files under {@code /dashboard/} (src/main/resources/static); the bare
 * addresses a person types lead to its page.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardRoutes {

    static final URI PAGE = URI.create("/dashboard/index.html");

    @Bean
    RouterFunction<ServerResponse> dashboardRedirects() {
        return RouterFunctions.route(GET("/").or(GET("/dashboard")).or(GET("/dashboard/")),
                request -> ServerResponse.temporaryRedirect(PAGE).build());
    }
}
