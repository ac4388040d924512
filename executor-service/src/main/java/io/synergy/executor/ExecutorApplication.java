package io.synergy.executor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The executor-service: admits inference requests from HTTP and Kafka and follows each to its result. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExecutorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExecutorApplication.class, args);
    }
}
