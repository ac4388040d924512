package io.synergy.executor.messaging;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.executor.application.ActivationSender;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Sends an input to {@code synergy.activations.<gatewayId>}: key = request id, value = raw tensor
 * bytes, the contract's headers as UTF-8 bytes (byte values pass the binder's header mapper unchanged).
 */
public final class KafkaActivationSender implements ActivationSender {

    private final StreamBridge bridge;

    public KafkaActivationSender(StreamBridge bridge) {
        this.bridge = bridge;
    }

    @Override
    public void send(ActivationHeaders headers, byte[] tensorBytes) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(tensorBytes)
                .setHeader(KafkaHeaders.KEY, headers.dispatch().requestId().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> header : headers.toHeaders().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        Message<byte[]> built = message.build();
        if (!bridge.send(headers.topicName(), built)) {
            throw new IllegalStateException("activation: the binder refused the send to " + headers.topicName());
        }
    }
}
