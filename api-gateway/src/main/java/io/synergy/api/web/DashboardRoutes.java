package io.synergy.api.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

/**
 * The dashboard is static files under {@code /dashboard/} (src/main/resources/static); the bare
 * addresses a person types lead to its page.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardRoutes {

    static final URI PAGE = URI.create("/dashboard/index.html");

    @Bean
    RouterFunction<ServerResponse> dashboardRedirects() {
        RequestPredicate bare = path("/").or(path("/dashboard")).or(path("/dashboard/"));
        return RouterFunctions.route(bare.and(method(HttpMethod.GET).or(method(HttpMethod.HEAD))),
                request -> ServerResponse.temporaryRedirect(PAGE).build());
    }
}
