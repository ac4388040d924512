package io.synergy.core.accelerator;

/**
 * Device-specific rules of the vendor toolchain that change resource use or timing. Each flag is
 * a {@code DevAI85}/{@code DevAI87} constant of ai8x-synthesis {@code izer/tornadocnn.py}.
 *
 * @param preReadTerm               {@code REQUIRE_MP_KERNOFF_MULTIWRITE}: a pool-last layer with several
 *                                  passes or operands pays a PreRead term proportional to its kernel
 *                                  offset ({@code izer/latency.py})
 * @param flattenBiasFirst          {@code REQUIRE_FLATTEN_BIAS_FIRST}: flattening layers get their bias
 *                                  group first ({@code izer/kbias.py})
 * @param depthwiseKernelsInOneInstance {@code REQUIRE_WEIGHT_MASK}: a depthwise layer's kernels must not
 *                                  straddle a kernel-memory instance ({@code izer/kernels.py})
 * @param avgPoolResetLayer         {@code REQUIRE_PASSTHROUGH_AVGPOOL_AFTER_ELTWISE}: an average-pooling
 *                                  layer right after an element-wise layer costs one extra hardware layer
 * @param izerLatency               {@code SUPPORT_LATENCY_CALC}: the izer prints cycle estimates for this
 *                                  device; without it our cycle figures apply the same formula unverified
 */
public record ToolchainRules(boolean preReadTerm, boolean flattenBiasFirst, boolean depthwiseKernelsInOneInstance,
                             boolean avgPoolResetLayer, boolean izerLatency) {
}
