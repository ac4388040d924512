package io.synergy.core.accelerator;

import io.synergy.core.network.Layer;
import io.synergy.core.network.LayerGeometry;
import io.synergy.core.network.Network;
import io.synergy.core.network.Operation;
import io.synergy.core.network.Pooling;
import io.synergy.core.network.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * CNN cycles per layer, re-expressed from ai8x-synthesis {@code izer/latency.py} {@code calculate}
 * (the izer's "ESTIMATED LATENCY", its model of the MAX78000 hardware, not a measurement).
 *
 * <p>The engine walks the pooled input row by row. Per input position it spends, for each pass and
 * operand, one read per pooling-window element plus one write into the TRAM ("data") or one read and
 * one write for a padding position ("pad"), and one cycle to write the result. A convolution then
 * spends, per output row, the row's input plus the outputs (output channels x columns x passes); the
 * top and bottom padding rows and the first kernel-height-minus-one rows (which produce no output)
 * are counted separately. Pooling after the element-wise operation multiplies the per-column cost by
 * the passes and, on the MAX78000 with several passes or operands, adds a PreRead term proportional
 * to the kernel offset. A passthrough layer spends, per pooled pixel, its reads plus one cycle per pass
 * and output time slot.
 *
 * <p>The izer prints this estimate for the MAX78000 only; for other devices the same formula is applied
 * with that device's rules, an assumption ({@link ToolchainRules#izerLatency()}). Streaming layers are
 * not modelled (the izer scales them by 1.5). Stateless and thread-safe.
 */
public final class CycleModel {

    /** The izer's startup entry, once per segment run. */
    public static final long STARTUP_CYCLES = 1;

    // One cycle each: reading data memory, writing the TRAM, writing a result (the izer's
    // RdState, TRAMWrt and WrtState).
    private static final int READ = 1;
    private static final int TRAM_WRITE = 1;
    private static final int WRITE = 1;

    /** Cycles of every layer of the assessed segment, and the total. */
    public SegmentCycles cycles(Network network, ResourceAssessment assessment) {
        SegmentMapping mapping = assessment.mapping();
        List<Long> perLayer = new ArrayList<>(mapping.layers().size());
        for (int i = mapping.from(); i < mapping.to(); i++) {
            perLayer.add(layerCycles(timing(network, assessment, i)));
        }
        return new SegmentCycles(mapping.from(), perLayer, STARTUP_CYCLES);
    }

    /** The hardware view of one layer of the assessed segment (izer/backend/max7800x.py). */
    public LayerTiming timing(Network network, ResourceAssessment assessment, int index) {
        Layer layer = network.layer(index);
        LayerGeometry g = network.geometry(index);
        LayerMapping m = assessment.mapping().layer(index);
        KernelPlacement kernels = assessment.resources().kernels().placement(index);
        AcceleratorSpec spec = assessment.spec();
        boolean passthrough = layer.operation() == Operation.PASSTHROUGH;
        Window pool = layer.pooling() == Pooling.NONE ? Window.ONE : layer.pool();
        Window pooled = new Window(g.pooled().height(), g.pooled().width());
        Window kernel = passthrough ? Window.ONE : layer.kernel();
        Window padding = layer.padding();
        if (layer.operation() == Operation.CONV_TRANSPOSE2D) {
            pooled = new Window(pooled.height() * layer.stride().height(), pooled.width() * layer.stride().width());
            padding = new Window(layer.dilation().height() * (kernel.height() - 1) - padding.height(),
                    layer.dilation().width() * (kernel.width() - 1) - padding.width());
        }
        int passes = m.inputPasses();
        int outputChannels;
        int outputColumns;
        boolean flattenAdjust = false;
        if (passthrough) {
            outputChannels = layer.outputChannels();
            outputColumns = g.output().width();
        } else if (layer.flatten()) {
            int steps = passes * pooled.area();
            outputChannels = kernels.kernelCount() / steps;
            outputColumns = g.output().width() * pooled.width();
            // The hardware's flatten counter only engages beyond 16 steps (izer: flatten_prod >= 16).
            flattenAdjust = steps - 1 >= 16;
        } else {
            outputChannels = kernels.kernelCount() / passes;
            outputColumns = g.output().width();
        }
        // izer: REQUIRE_2X_MP_PASSTHROUGH (both devices).
        int multipass = passthrough && m.outputPasses() > 1 && pool.area() > 1 ? 2 * passes - 1 : passes;
        return new LayerTiming(pool, pooled, kernel, padding, multipass, outputChannels, outputColumns,
                layer.operands(), layer.poolFirst(), passthrough,
                passthrough ? timeslots(layer, m, assessment) : 1, flattenAdjust, kernels.offsetRows(),
                spec.rules().preReadTerm());
    }

    /**
     * A passthrough layer writes its output in time slots: per group, one per 4 bytes of output its
     * processors produce per pixel; the layer takes the most of any group (izer: {@code timeslots}).
     */
    private static int timeslots(Layer layer, LayerMapping m, ResourceAssessment assessment) {
        int perGroup = assessment.spec().processorsPerGroup();
        int most = 0;
        for (int group : assessment.mapping().groupsUsed()) {
            int count = Long.bitCount(Passes.groupBits(m.processors(), group, perGroup));
            if (count != 0) {
                most = Math.max(most, (count * layer.outputWidth() / 8 - 1) / 4);
            }
        }
        return most + 1;
    }

    /** Cycles of one layer. */
    public long layerCycles(LayerTiming t) {
        long rows = t.pooled().height();
        long cols = t.pooled().width();
        long kernelRows = t.kernel().height();
        long kernelCols = t.kernel().width();
        long rowPad = t.padding().height();
        long colPad = t.padding().width();
        long passes = t.multipass();
        long operands = t.operands();
        long poolArea = t.pool().area();

        long padStep;
        long dataStep;
        long columnPasses;
        long preRead = 0;
        if (t.poolFirst()) {
            padStep = passes * operands * (READ + TRAM_WRITE);
            dataStep = passes * operands * (poolArea * READ + TRAM_WRITE);
            columnPasses = 1;
        } else {
            if (t.paysPreRead()) {
                // The izer pairs row padding with kernel columns and vice versa; kept as is.
                preRead = ((rows + 2 * rowPad - kernelCols + 1) * colPad
                        + (cols + 2 * colPad - kernelRows + 1) * rowPad
                        - rowPad * colPad) * t.kernelOffsetRows();
            }
            padStep = passes * (READ + TRAM_WRITE);
            dataStep = passes * (operands * READ * poolArea + TRAM_WRITE);
            columnPasses = passes;
        }
        long sidePads = 2 * colPad * (padStep + WRITE);
        long padRow = sidePads + columnPasses * cols * (padStep + WRITE);
        long leadingRow = sidePads + columnPasses * cols * (dataStep + WRITE);
        long leftPad = colPad * (padStep + WRITE);
        long rightPad = padStep * colPad;
        long leadIn = columnPasses * (kernelCols - 1 - colPad);
        long producing = columnPasses * (t.outputColumns() - colPad);
        long dataRow = leftPad + leadIn * (dataStep + WRITE) + producing * dataStep + rightPad;
        long bottomPadRow = leftPad + leadIn * (padStep + WRITE) + producing * padStep + rightPad;

        if (t.passthrough()) {
            return rows * cols * (dataStep + passes * t.passthroughTimeslots());
        }
        long singleOutput = t.outputChannels() == 1 && passes == 1 ? 1 : 0;
        long outputRow = passes * t.outputColumns() * t.outputChannels() + t.outputChannels() * singleOutput;
        long leadInRows = kernelRows - 1 - rowPad;
        return (t.flattenAdjust() ? 1 : 0) + preRead
                + rowPad * padRow
                + leadInRows * leadingRow
                + (dataRow + outputRow) * (rows - leadInRows)
                + rowPad * (bottomPadRow + outputRow);
    }
}
