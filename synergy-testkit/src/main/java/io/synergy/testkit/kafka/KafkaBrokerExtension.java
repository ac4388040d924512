package io.synergy.testkit.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the shared broker as a parameter of a test, lifecycle method or constructor:
 * {@code @ExtendWith(KafkaBrokerExtension.class)} and a parameter of type {@link KafkaBroker}.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return KafkaBroker.shared();
    }
}
