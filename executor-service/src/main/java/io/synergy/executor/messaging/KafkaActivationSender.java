package io.synergy.executor.messaging;

import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.HopTransfer;
import io.synergy.executor.application.ActivationSender;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Sends an input to {@code synergy.activations.<gatewayId>}: key = request id, value = raw tensor
 * bytes, the contract's headers as UTF-8 bytes. A plain producer, not the binder: this is the
 * dispatch hot path, and the binder's message channel costs a message copy, header mapping and an
 * eagerly formatted debug line per record. The send is asynchronous; a failed one is only logged,
 * as the attempt is spent and the deadline sweep sends the request again. Every record carries
 * {@link Header#SENT_AT_MICROS}, stamped as it is handed over, so the gateway can time the hop.
 */
public final class KafkaActivationSender implements ActivationSender {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaActivationSender.class);

    private final Producer<byte[], byte[]> producer;
    private final Clock clock;

    public KafkaActivationSender(Producer<byte[], byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void send(ActivationHeaders headers, byte[] tensorBytes) {
        byte[] sentAt = HopTransfer.stamp(clock);
        RecordHeaders recordHeaders = new RecordHeaders();
        for (Map.Entry<String, byte[]> header : headers.toHeaders().entrySet()) {
            recordHeaders.add(header.getKey(), header.getValue());
        }
        recordHeaders.add(Header.SENT_AT_MICROS.headerName(), sentAt);
        String requestId = headers.dispatch().requestId();
        producer.send(new ProducerRecord<>(headers.topicName(), null, requestId.getBytes(StandardCharsets.UTF_8),
                tensorBytes, recordHeaders), (metadata, failure) -> {
                    if (failure != null) {
                        LOG.warn("activation of request {} to {} not sent (the sweep dispatches it again): {}",
                                requestId, headers.topicName(), failure.toString());
                    }
                });
    }
}
