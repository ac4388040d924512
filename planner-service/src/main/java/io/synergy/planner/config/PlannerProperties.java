package io.synergy.planner.config;

import io.synergy.planner.application.BatteryPolicy;
import io.synergy.core.planning.ServiceTimeEstimates;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

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
 * @param estimation         online estimation of service times from {@code synergy.measurements}
 */
@ConfigurationProperties("synergy.planner")
@Validated
public record PlannerProperties(
        @NotBlank @DefaultValue("synergy") String planner,
        @NotNull @DefaultValue("200ms") Duration debounce,
        @NotNull @DefaultValue("60s") Duration startTimeout,
        @PositiveOrZero @DefaultValue("5") double batteryStepPercent,
        @PositiveOrZero @DefaultValue("15") double batteryLowPercent,
        @PositiveOrZero @DefaultValue("20") double batteryResumePercent,
        @NotNull @DefaultValue Estimation estimation) {

    public BatteryPolicy batteryPolicy() {
        return new BatteryPolicy(batteryLowPercent, batteryResumePercent);
    }

    /**
     * {@code synergy.planner.estimation.*}.
     *
     * @param smoothing       weight of a new measurement window in a device's moving average, in (0, 1]
     * @param replanThreshold relative difference between the average and the factor in force that
     *                        brings the average into force (and re-plans)
     * @param minStages       measurement windows with fewer stages are ignored
     */
    public record Estimation(
            @DefaultValue("0.3") @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") double smoothing,
            @DefaultValue("0.25") @PositiveOrZero double replanThreshold,
            @DefaultValue("20") @Min(1) long minStages) {

        public ServiceTimeEstimates.Settings settings() {
            return new ServiceTimeEstimates.Settings(smoothing, replanThreshold, minStages);
        }
    }
}
