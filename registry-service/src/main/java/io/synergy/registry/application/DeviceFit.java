package io.synergy.registry.application;

import java.util.List;

/**
 * Whether a whole model fits one device of a type, and if not, every limit it breaks.
 *
 * @param accelerator e.g. "MAX78000"
 * @param violations  e.g. "kernel memory at layer 5: needs 772 rows, capacity 768 rows"; empty when it fits
 */
public record DeviceFit(String accelerator, boolean fits, List<String> violations) {

    public DeviceFit {
        violations = List.copyOf(violations);
    }
}
