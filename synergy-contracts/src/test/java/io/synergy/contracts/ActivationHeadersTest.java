package io.synergy.contracts;

import io.synergy.contracts.envelope.MalformedMessageException;
import io.synergy.contracts.envelope.UnsupportedSchemaVersionException;
import io.synergy.contracts.header.ActivationHeaders;
import io.synergy.contracts.header.Dispatch;
import io.synergy.contracts.header.Header;
import io.synergy.contracts.header.Route;
import io.synergy.contracts.header.RouteStage;
import io.synergy.contracts.header.TraceParent;
import io.synergy.contracts.tensor.TensorDatatype;
import io.synergy.contracts.tensor.TensorDescriptor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivationHeadersTest {

    private static final Route ROUTE = Route.parse("gw-head/glasses-1:0-5;gw-hub/phone-1:5-9");
    private static final Dispatch DISPATCH = new Dispatch("req-42", "captions", 7, ROUTE,
            Instant.parse("2026-11-27T10:15:31.500Z"));
    private static final ActivationHeaders FIRST = new ActivationHeaders(DISPATCH, 0,
            TensorDescriptor.of(TensorDatatype.INT8, 1, 128, 128));

    @Test
    void writesEveryHeaderAsTextThatAPlainClientCanType() {
        Map<String, String> text = new HashMap<>();
        FIRST.toHeaders().forEach((name, value) -> text.put(name, new String(value, StandardCharsets.UTF_8)));

        assertThat(text).containsOnly(
                Map.entry("synergy-schema-version", "1"),
                Map.entry("content-type", "application/octet-stream"),
                Map.entry("synergy-request-id", "req-42"),
                Map.entry("synergy-app-id", "captions"),
                Map.entry("synergy-epoch", "7"),
                Map.entry("synergy-stage-index", "0"),
                Map.entry("synergy-route", "gw-head/glasses-1:0-5;gw-hub/phone-1:5-9"),
                Map.entry("synergy-deadline-epoch-ms", "1795774531500"),
                Map.entry("synergy-tensor-datatype", "INT8"),
                Map.entry("synergy-tensor-shape", "1,128,128"));
        assertThat(FIRST.toHeaders().keySet()).first().isEqualTo(Header.SCHEMA_VERSION.headerName());
    }

    @Test
    void readsBackWhatItWrote() {
        Map<String, byte[]> headers = FIRST.toHeaders();

        assertThat(ActivationHeaders.fromHeaders(headers::get)).isEqualTo(FIRST);
    }

    @Test
    void theNextStageKeepsTheDispatchAndGoesToTheNextGateway() {
        ActivationHeaders second = FIRST.next(TensorDescriptor.of(TensorDatatype.INT8, 32, 16, 16));

        assertThat(FIRST.topicName()).isEqualTo("synergy.activations.gw-head");
        assertThat(second.topicName()).isEqualTo("synergy.activations.gw-hub");
        assertThat(second.dispatch()).isEqualTo(DISPATCH);
        assertThat(second.stage()).isEqualTo(new RouteStage("gw-hub", "phone-1", 5, 9));
        assertThat(second.lastStage()).isTrue();
        assertThatThrownBy(() -> second.next(TensorDescriptor.of(TensorDatatype.INT32, 10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its output goes to synergy.stage.outcomes");
    }

    @Test
    void carriesTheTraceContextAsAW3cTraceparentHeaderAndReadsItBack() {
        TraceParent trace = new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01");
        ActivationHeaders traced = FIRST.withTraceParent(trace);

        assertThat(new String(traced.toHeaders().get("traceparent"), StandardCharsets.UTF_8))
                .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(ActivationHeaders.fromHeaders(traced.toHeaders()::get)).isEqualTo(traced);
        assertThat(FIRST.toHeaders()).doesNotContainKey("traceparent");
    }

    @Test
    void theNextStageKeepsTheTraceContextUntilItsHopWritesItsOwn() {
        TraceParent trace = new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", "01");

        ActivationHeaders second = FIRST.withTraceParent(trace).next(TensorDescriptor.of(TensorDatatype.INT8, 32, 16, 16));

        assertThat(second.trace()).contains(trace);
    }

    @Test
    void aTraceparentThatDoesNotReadIsDroppedNotAnError() {
        for (String broken : List.of("garbage", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")) {
            Map<String, byte[]> headers = new HashMap<>(FIRST.toHeaders());
            headers.put("traceparent", broken.getBytes(StandardCharsets.UTF_8));

            assertThat(ActivationHeaders.fromHeaders(headers::get)).as(broken).isEqualTo(FIRST);
        }
        assertThatThrownBy(() -> new TraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "xyz", "01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("traceparent: must be 00-");
    }

    @Test
    void theSampledFlagIsBitZeroOfTheFlags() {
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow().sampled())
                .isTrue();
        assertThat(TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00").orElseThrow().sampled())
                .isFalse();
    }

    @Test
    void rejectsANewerSchemaVersionHeader() {
        Map<String, byte[]> headers = new HashMap<>(FIRST.toHeaders());
        headers.put("synergy-schema-version", "2".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ActivationHeaders.fromHeaders(headers::get))
                .isInstanceOf(UnsupportedSchemaVersionException.class)
                .hasMessageContaining("activation header synergy-schema-version: schema version 2 is newer than this reader");
    }

    @Test
    void namesAMissingOrUnreadableHeader() {
        Map<String, byte[]> missing = new HashMap<>(FIRST.toHeaders());
        missing.remove("synergy-epoch");
        Map<String, byte[]> unreadable = new HashMap<>(FIRST.toHeaders());
        unreadable.put("synergy-stage-index", "first".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> outOfRoute = new HashMap<>(FIRST.toHeaders());
        outOfRoute.put("synergy-stage-index", "2".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ActivationHeaders.fromHeaders(missing::get)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("synergy-epoch is required");
        assertThatThrownBy(() -> ActivationHeaders.fromHeaders(unreadable::get)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("synergy-stage-index must be a decimal integer, got 'first'");
        assertThatThrownBy(() -> ActivationHeaders.fromHeaders(outOfRoute::get)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("stageIndex: must be in 0..1, got 2");
    }

    @Test
    void aRouteIsContiguousFromLayerZero() {
        assertThat(ROUTE.stages()).containsExactly(new RouteStage("gw-head", "glasses-1", 0, 5),
                new RouteStage("gw-hub", "phone-1", 5, 9));
        assertThat(Route.parse(ROUTE.text())).isEqualTo(ROUTE);
        assertThatThrownBy(() -> Route.parse("gw/a:0-5;gw/b:6-9"))
                .hasMessageContaining("stage 1 (gw/b:6-9) must start where stage 0 ends, at layer 5");
        assertThatThrownBy(() -> Route.parse("gw/a:1-5")).hasMessageContaining("must start at layer 0");
        assertThatThrownBy(() -> Route.parse("gw-a:0-5")).hasMessageContaining("must read gatewayId/deviceId:fromLayer-toLayer");
        assertThatThrownBy(() -> Route.parse("gw/a:0-x")).hasMessageContaining("must read gatewayId/deviceId:fromLayer-toLayer");
        assertThatThrownBy(() -> new Route(List.of())).hasMessageContaining("needs at least one stage");
    }
}
