package io.synergy.gateway.web;

import io.synergy.gateway.application.DeviceFaults;
import io.synergy.gateway.application.DeviceState;
import io.synergy.gateway.application.FaultTransitionException;
import io.synergy.gateway.application.StageScheduler;
import io.synergy.gateway.application.UnknownDeviceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;

import java.util.List;

/**
 * The gateway's devices as they are now (queue depth, busy, loaded epoch and segments, counters,
 * fault state), and fault injection: leave, fail, slow, join. Errors are RFC 9457 problems with a
 * stable {@code code}.
 */
@RestController
@RequestMapping("/api/gateway")
public class DeviceController {

    private final StageScheduler scheduler;
    private final DeviceFaults faults;

    public DeviceController(StageScheduler scheduler, DeviceFaults faults) {
        this.scheduler = scheduler;
        this.faults = faults;
    }

    /** The body of {@code POST .../slow}. */
    public record SlowDown(Double factor) {
    }

    @GetMapping("/devices")
    public List<DeviceState> devices() {
        return scheduler.states();
    }

    @GetMapping("/devices/{id}")
    public DeviceState device(@PathVariable String id) {
        return scheduler.state(id).orElseThrow(() -> new UnknownDeviceException(
                "deviceId: this gateway owns " + scheduler.setups().stream().map(s -> s.deviceId()).toList() + ", not " + id));
    }

    @PostMapping("/devices/{id}/leave")
    public DeviceState leave(@PathVariable String id) {
        return faults.leave(id);
    }

    @PostMapping("/devices/{id}/fail")
    public DeviceState fail(@PathVariable String id) {
        return faults.fail(id);
    }

    @PostMapping("/devices/{id}/slow")
    public DeviceState slow(@PathVariable String id, @RequestBody(required = false) SlowDown body) {
        if (body == null || body.factor() == null) {
            throw new IllegalArgumentException("factor: required, a number in 1.0.." + DeviceFaults.MAX_SLOW_FACTOR);
        }
        return faults.slowDown(id, body.factor());
    }

    @PostMapping("/devices/{id}/join")
    public DeviceState join(@PathVariable String id) {
        return faults.join(id);
    }

    @ExceptionHandler(UnknownDeviceException.class)
    ProblemDetail unknownDevice(UnknownDeviceException e) {
        return problem(HttpStatus.NOT_FOUND, "unknown-device", e.getMessage());
    }

    @ExceptionHandler(FaultTransitionException.class)
    ProblemDetail invalidTransition(FaultTransitionException e) {
        return problem(HttpStatus.CONFLICT, "invalid-transition", e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalidFactor(IllegalArgumentException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-factor", e.getMessage());
        problem.setProperty("field", "factor");
        problem.setProperty("limit", "1.0.." + DeviceFaults.MAX_SLOW_FACTOR);
        return problem;
    }

    @ExceptionHandler(ServerWebInputException.class)
    ProblemDetail malformedBody(ServerWebInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "malformed-body",
                "body: expected JSON such as {\"factor\": 3.0}");
        problem.setProperty("field", "factor");
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }
}
