package io.synergy.planner.config;

import io.synergy.planner.application.BatteryPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The planner's settings ({@code synergy.planner.*}). Kafka bootstrap servers:
 * {@code spring.cloud.stream.kafka.binder.brokers}, shared by every service.
 *
 * @param planner            which core planner plans: "synergy" or a baseline's name
 * @param debounce           changes within this window after the first are planned together
 * @param startTimeout       longest the start may take to recover the last epoch and fold the inputs on the topics
 * @param batteryStepPercent battery changes smaller than this many percentage points do not cause a re-plan
 * @param batteryLowPercent  a device below this charge is planned around (0 turns it off)
 * @param batteryResumePercent a planned-around device is planned with again from this charge on (hysteresis)
 */
@ConfigurationProperties("synergy.planner")
@Validated
public record PlannerProperties(
        @NotBlank @DefaultValue("synergy") String planner,
        @NotNull @DefaultValue("200ms") Duration debounce,
        @NotNull @DefaultValue("60s") Duration startTimeout,
        @PositiveOrZero @DefaultValue("5") double batteryStepPercent,
        @PositiveOrZero @DefaultValue("15") double batteryLowPercent,
        @PositiveOrZero @DefaultValue("20") double batteryResumePercent) {

    public BatteryPolicy batteryPolicy() {
        return new BatteryPolicy(batteryLowPercent, batteryResumePercent);
    }
}
