package io.synergy.core.zoo;

import io.synergy.core.network.DataFormat;
import io.synergy.core.network.Network;
import io.synergy.core.tensor.Shape;

/**
 * The architectures of the eight models of the Synergy paper's evaluation, written down layer by
 * layer from their ai8x network descriptions (each method names its source). Output channels, weight
 * bit widths and bias presence are those of the trained (or, where the checkpoint is unpublished, the
 * model-definition) network the description belongs to. Output shifts are 0 here and are chosen per
 * model by {@link ShiftCalibration}.
 */
final class ZooArchitectures {

    /** Every processor of the 64. */
    private static final long ALL = 0xffffffffffffffffL;

    private ZooArchitectures() {
    }

    /** ConvNet5 (ai85net5, MNIST): ai8x-synthesis {@code networks/mnist-chw-ai85.yaml}. Only the last layer has a bias. */
    static Network convnet5() {
        return NetworkSketch.of("convnet5", new Shape(1, 28, 28), DataFormat.CHW)
                .conv2d(60, 3).pad(1).relu().noBias().at(0x0000000000000001L, 0x2000)
                .conv2d(60, 3).pad(2).maxPool(2).relu().noBias().at(0xfffffffffffffff0L, 0)
                .conv2d(56, 3).pad(1).maxPool(2).relu().noBias().at(0xfffffffffffffff0L, 0x2000)
                .conv2d(12, 3).pad(1).avgPool(2).relu().noBias().at(0x0ffffffffffffff0L, 0)
                .linear(10).flatten().wide().at(0x0000000000000fffL, 0x1000)
                .build();
    }

    /**
     * KWS (ai85kws20netv3, 20 keywords): ai8x-synthesis {@code networks/kws20-v3-hwc.yaml}; 128 channels
     * x 128 samples. No bias: the toolchain computes the published checkpoint without one.
     */
    static Network kws() {
        return NetworkSketch.of("kws", new Shape(128, 128, 1), DataFormat.HWC)
                .conv1d(100, 1).pad(0).relu().noBias().at(ALL, 0x2000)
                .conv1d(96, 3).pad(0).relu().noBias().at(0x000fffffffffffffL, 0)
                .conv1d(64, 3).pad(1).maxPool(2).relu().noBias().at(0x0000ffffffffffffL, 0x2000)
                .conv1d(48, 3).pad(0).relu().noBias().at(ALL, 0)
                .conv1d(64, 3).pad(1).maxPool(2).relu().noBias().at(0x0000ffffffffffffL, 0x2000)
                .conv1d(96, 3).pad(0).relu().noBias().at(ALL, 0)
                .conv1d(100, 3).pad(1).avgPool(2).relu().noBias().at(0x0000ffffffffffffL, 0x2000)
                .conv1d(64, 6).pad(1).maxPool(2).relu().noBias().at(0x000fffffffffffffL, 0)
                .linear(21).flatten().wide().noBias().at(ALL, 0x2000)
                .build();
    }

    /**
     * SimpleNet (ai85simplenet, CIFAR-100): ai8x-synthesis {@code networks/cifar100-simple.yaml}. Mixed
     * precision after ai8x-training {@code policies/qat_policy_cifar100.yaml}: 8-bit first layer, 4-bit
     * second and last four layers, 2-bit in between.
     */
    static Network simplenet() {
        return NetworkSketch.of("simplenet", new Shape(3, 32, 32), DataFormat.HWC)
                .conv2d(16, 3).pad(1).relu().at(0x0000000000000007L, 0x2000)
                .conv2d(20, 3).pad(1).relu().weightBits(4).at(0x00000000000ffff0L, 0)
                .conv2d(20, 3).pad(1).relu().weightBits(2).at(0x000000fffff00000L, 0x2000)
                .conv2d(20, 3).pad(1).relu().weightBits(2).at(0x0fffff0000000000L, 0)
                .conv2d(20, 3).pad(1).maxPool(2).relu().weightBits(2).at(0x00000000000fffffL, 0x2000)
                .conv2d(20, 3).pad(1).relu().weightBits(2).at(0x000000fffff00000L, 0)
                .conv2d(44, 3).pad(1).relu().weightBits(2).at(0x0fffff0000000000L, 0x2000)
                .conv2d(48, 3).pad(1).maxPool(2).relu().weightBits(2).at(0x00000fffffffffffL, 0)
                .conv2d(48, 3).pad(1).relu().weightBits(2).at(0x0000ffffffffffffL, 0x2000)
                .conv2d(96, 3).pad(1).maxPool(2).relu().weightBits(2).at(0x0000ffffffffffffL, 0)
                .conv2d(512, 1).pad(0).maxPool(2).relu().weightBits(4).at(0x00ffffffffffff00L, 0x2000)
                .conv2d(128, 1).pad(0).relu().weightBits(4).at(ALL, 0)
                .conv2d(128, 3).pad(1).maxPool(2).relu().weightBits(4).at(ALL, 0x2000)
                .conv2d(100, 1).pad(0).wide().weightBits(4).at(ALL, 0)
                .build();
    }

    /**
     * WideNet (ai85simplenetwide2x, CIFAR-100): ai8x-synthesis {@code networks/cifar100-simplewide2x.yaml},
     * SimpleNet's structure with wider layers and the same precision policy.
     */
    static Network widenet() {
        return NetworkSketch.of("widenet", new Shape(3, 32, 32), DataFormat.HWC)
                .conv2d(24, 3).pad(1).relu().at(0x0000000000000007L, 0x2000)
                .conv2d(32, 3).pad(1).relu().weightBits(4).at(0x000000000ffffff0L, 0)
                .conv2d(32, 3).pad(1).relu().weightBits(2).at(0x0ffffffff0000000L, 0x2000)
                .conv2d(32, 3).pad(1).relu().weightBits(2).at(0x00000000ffffffffL, 0)
                .conv2d(32, 3).pad(1).maxPool(2).relu().weightBits(2).at(0xffffffff00000000L, 0x2000)
                .conv2d(32, 3).pad(1).relu().weightBits(2).at(0x00000000ffffffffL, 0)
                .conv2d(64, 3).pad(1).relu().weightBits(2).at(0xffffffff00000000L, 0x2000)
                .conv2d(64, 3).pad(1).maxPool(2).relu().weightBits(2).at(ALL, 0)
                .conv2d(64, 3).pad(1).relu().weightBits(2).at(ALL, 0x2000)
                .conv2d(128, 3).pad(1).maxPool(2).relu().weightBits(2).at(ALL, 0)
                .conv2d(512, 1).pad(0).maxPool(2).relu().weightBits(4).at(ALL, 0x2000)
                .conv2d(192, 1).pad(0).relu().weightBits(4).at(ALL, 0)
                .conv2d(192, 3).pad(1).maxPool(2).relu().weightBits(4).at(ALL, 0x2000)
                .conv2d(100, 1).pad(0).wide().weightBits(4).at(ALL, 0)
                .build();
    }

    /**
     * ResSimpleNet (ai85ressimplenet, CIFAR-100): ai8x-synthesis {@code networks/cifar100-ressimplenet.yaml}.
     * Three residual blocks; each re-forms its skip input with a gap-writing passthrough layer and adds it
     * to the block's convolution. 8-bit weights, no bias.
     */
    static Network ressimplenet() {
        return NetworkSketch.of("ressimplenet", new Shape(3, 32, 32), DataFormat.HWC)
                .conv2d(16, 3).pad(1).relu().noBias().at(0x7000000000000000L, 0x2000)
                .conv2d(20, 3).pad(1).relu().noBias().at(0x0ffff00000000000L, 0)
                .passthrough().at(0x00000000000fffffL, 0x2000).outputProcessors(0x00000000000fffffL).writeGap(1)
                .conv2d(20, 3).pad(1).relu().noBias().from(1).inOffset(0)
                        .at(0x00000000000fffffL, 0x2004).writeGap(1)
                .conv2d(20, 3).pad(1).relu().noBias().add(2, 3).inOffset(0x2000).at(0x00000000000fffffL, 0)
                .conv2d(20, 3).pad(1).maxPool(2).relu().noBias()
                        .at(0xfffff00000000000L, 0x2000).outputProcessors(0x000000fffff00000L)
                .passthrough().at(0x000000fffff00000L, 0).outputProcessors(0x000000fffff00000L).writeGap(1)
                .conv2d(20, 3).pad(1).relu().noBias().from(5).inOffset(0x2000)
                        .at(0x000000fffff00000L, 0x0004).writeGap(1)
                .conv2d(44, 3).pad(1).relu().noBias().add(6, 7).inOffset(0).at(0x000000fffff00000L, 0x2000)
                .conv2d(48, 3).pad(1).maxPool(2).relu().noBias().at(0x00000fffffffffffL, 0)
                .passthrough().at(0x0000ffffffffffffL, 0x2000).outputProcessors(0x0000ffffffffffffL).writeGap(1)
                .conv2d(48, 3).pad(1).relu().noBias().from(9).inOffset(0)
                        .at(0x0000ffffffffffffL, 0x2004).writeGap(1)
                .conv2d(96, 3).pad(1).maxPool(2).poolAfterEltwise().relu().noBias().add(10, 11).inOffset(0x2000)
                        .at(0x0000ffffffffffffL, 0)
                .conv2d(512, 1).pad(0).maxPool(2).relu().noBias().at(0x0000ffffffffffffL, 0x2000)
                .conv2d(128, 1).pad(0).relu().noBias().at(ALL, 0)
                .conv2d(128, 3).pad(1).maxPool(2).relu().noBias().at(ALL, 0x2000)
                .conv2d(100, 1).pad(0).wide().noBias().at(ALL, 0)
                .build();
    }

    /**
     * EfficientNetV2 (ai85effnetv2_custom, CIFAR-100): the paper authors' fork of ai8x-synthesis,
     * {@code networks/custom/ai85-cifar100-effnet2_custom.yaml}. MBConv blocks without their depthwise
     * convolutions (commented out in the description), residual adds as passthrough layers. 8-bit.
     */
    static Network efficientnetv2() {
        return NetworkSketch.of("efficientnetv2", new Shape(3, 32, 32), DataFormat.HWC)
                .conv2d(32, 3).pad(1).maxPool(2).relu().at(0x7000000000000000L, 0x4000)
                .conv2d(16, 1).pad(0).at(0x0ffffffff0000000L, 0)
                .conv2d(64, 3).pad(1).relu().at(0x000000000000ffffL, 0x4000)
                .conv2d(32, 1).pad(0).name("l3").at(ALL, 0)
                .passthrough().name("res00").at(0x00000000ffffffffL, 0x4000)
                        .outputProcessors(0x00000000ffffffffL).writeGap(1)
                .conv2d(128, 3).pad(1).relu().from("l3").inOffset(0).at(0x00000000ffffffffL, 0x6000)
                .conv2d(32, 1).pad(0).name("res01").at(ALL, 0x4004).writeGap(1)
                .passthrough().add("res00", "res01").inOffset(0x4000).at(0x00000000ffffffffL, 0)
                .conv2d(128, 3).pad(1).relu().at(0x00000000ffffffffL, 0x6000)
                .conv2d(48, 1).pad(0).name("l8").at(ALL, 0x4000)
                .passthrough().name("res10").at(0x0000ffffffffffffL, 0)
                        .outputProcessors(0x0000ffffffffffffL).writeGap(1)
                .conv2d(192, 3).pad(1).relu().from("l8").inOffset(0x4000).at(0x0000ffffffffffffL, 0x6000)
                .conv2d(48, 1).pad(0).name("res11").at(ALL, 0x0004).writeGap(1)
                .passthrough().add("res10", "res11").inOffset(0).at(0x0000ffffffffffffL, 0x4000)
                .conv2d(192, 1).pad(0).relu().name("dw1-1").at(0x0000ffffffffffffL, 0x6000)
                .conv2d(96, 1).pad(0).name("l14").at(ALL, 0x4000)
                .passthrough().name("res20").at(0x0000ffffffffffffL, 0)
                        .outputProcessors(0x0000ffffffffffffL).writeGap(1)
                .conv2d(384, 1).pad(0).relu().from("l14").inOffset(0x4000).at(0x0000ffffffffffffL, 0x6000)
                .conv2d(96, 1).pad(0).name("res21").at(ALL, 0x0004).writeGap(1)
                .passthrough().add("res20", "res21").inOffset(0).at(0x0000ffffffffffffL, 0x4000)
                .conv2d(384, 1).pad(0).relu().at(0x0000ffffffffffffL, 0x6000)
                .conv2d(128, 1).pad(0).name("l22").at(ALL, 0x4000)
                .passthrough().name("res30").at(ALL, 0).outputProcessors(ALL).writeGap(1)
                .conv2d(512, 1).pad(0).relu().name("l24").from("l22").inOffset(0x4000).at(ALL, 0x6000)
                .conv2d(128, 1).pad(0).name("res31").at(ALL, 0x0004).writeGap(1)
                .passthrough().add("res30", "res31").name("l27").inOffset(0).at(ALL, 0x4000)
                .conv2d(512, 1).pad(0).relu().name("l27-1").at(ALL, 0)
                .passthrough().avgPool(16).name("avgpool").at(ALL, 0x4000)
                .linear(100).wide().name("linear").at(ALL, 0)
                .build();
    }

    /**
     * MobileNetV2 x0.75 (ai85netmobilenetv2cifar100_m0_75_custom, CIFAR-100): the paper authors' fork of
     * ai8x-synthesis, {@code networks/custom/ai85-cifar100-mobilenet-v2-0.75_custom.yaml}. Inverted
     * residual blocks without their depthwise convolutions, so every layer runs at 32x32. Channel counts
     * are those of the model definition (some comments in the description are stale). 8-bit; the last
     * two layers have no bias.
     */
    static Network mobilenetv2() {
        long p12 = 0x0000000000000fffL;
        long p20 = 0x00000000000fffffL;
        long p24 = 0x0000000000ffffffL;
        long p36 = 0x0000000fffffffffL;
        long p40 = 0x000000ffffffffffL;
        long p48 = 0x0000ffffffffffffL;
        long p60 = 0x0fffffffffffffffL;
        return NetworkSketch.of("mobilenetv2-0.75", new Shape(3, 32, 32), DataFormat.HWC)
                .conv2d(24, 3).pad(1).relu().name("l0").at(0x0000000000000007L, 0x4000)
                .conv2d(12, 1).pad(0).name("l2").at(p24, 0).outputProcessors(p12)
                .conv2d(72, 1).pad(0).relu().name("l3").at(p12, 0x2000).outputProcessors(0x0000fffffffff000L)
                .conv2d(20, 1).pad(0).name("l5").at(0x0000fffffffff000L, 0x4000).outputProcessors(p20)
                .conv2d(120, 1).pad(0).relu().name("l6").at(p20, 0).outputProcessors(p60)
                .conv2d(20, 1).pad(0).name("l8").at(p60, 0x4000).outputProcessors(p20).writeGap(1)
                .passthrough().from("l5").name("l9").inOffset(0x4000).at(p20, 0x0004).writeGap(1)
                .passthrough().add("l8", "l9").name("l10").inOffset(0).at(p20, 0x4000)
                .conv2d(120, 1).pad(0).relu().name("l11").at(p20, 0x2000)
                .conv2d(24, 1).pad(0).name("l13").at(p60, 0x4000).outputProcessors(p24)
                .conv2d(144, 1).pad(0).relu().name("l14").at(p24, 0).outputProcessors(p48)
                .conv2d(24, 1).pad(0).name("l16").at(p48, 0x4000).outputProcessors(p24).writeGap(1)
                .passthrough().from("l13").name("l17").inOffset(0x4000).at(p24, 0x0004).writeGap(1)
                .passthrough().add("l16", "l17").name("l18").inOffset(0).at(p24, 0x4000)
                .conv2d(144, 1).pad(0).relu().name("l19").at(p24, 0).outputProcessors(p48)
                .conv2d(24, 1).pad(0).name("l21").at(p48, 0x4000).outputProcessors(p24).writeGap(1)
                .passthrough().from("l18").name("l22").inOffset(0x4000).at(p24, 0x0004).writeGap(1)
                .passthrough().add("l21", "l22").name("l23").inOffset(0).at(p24, 0x4000)
                .conv2d(144, 1).pad(0).relu().name("l24").at(p24, 0)
                .conv2d(48, 1).pad(0).name("l26").at(p48, 0x6000).outputProcessors(p48)
                .conv2d(288, 1).pad(0).relu().name("l27").at(p48, 0).outputProcessors(p60)
                .conv2d(48, 1).pad(0).name("l29").at(p60, 0x6000).outputProcessors(p48).writeGap(1)
                .passthrough().from("l26").name("l30").inOffset(0x4000).at(p48, 0x0004).writeGap(1)
                .passthrough().add("l29", "l30").name("l31").inOffset(0).at(p48, 0x6000)
                .conv2d(288, 1).pad(0).relu().name("l32").at(p48, 0).outputProcessors(p60)
                .conv2d(48, 1).pad(0).name("l34").at(p60, 0x6000).outputProcessors(p48).writeGap(1)
                .passthrough().from("l31").name("l35").inOffset(0x4000).at(p48, 0x0004).writeGap(1)
                .passthrough().add("l34", "l35").name("l36").inOffset(0).at(p48, 0x6000)
                .conv2d(288, 1).pad(0).relu().name("l37").at(p48, 0).outputProcessors(p60)
                .conv2d(48, 1).pad(0).name("l39").at(p60, 0x6000).outputProcessors(p48).writeGap(1)
                .passthrough().from("l36").name("l40").inOffset(0x4000).at(p48, 0x0004).writeGap(1)
                .passthrough().add("l39", "l40").name("l41").inOffset(0).at(p48, 0x4000)
                .conv2d(288, 1).pad(0).relu().name("l42").at(p48, 0)
                .conv2d(72, 1).pad(0).name("l44").at(p60, 0x4000).outputProcessors(p36)
                .conv2d(432, 1).pad(0).relu().name("l45").at(p36, 0).outputProcessors(ALL)
                .conv2d(72, 1).pad(0).name("l47").at(ALL, 0).outputProcessors(p36).writeGap(1)
                .passthrough().from("l44").name("l48").inOffset(0x4000).at(p36, 0x0004).writeGap(1)
                .passthrough().add("l47", "l48").name("l49").inOffset(0).at(p36, 0x4000)
                .conv2d(432, 1).pad(0).relu().name("l50").at(p36, 0).outputProcessors(ALL)
                .conv2d(72, 1).pad(0).name("l52").at(ALL, 0).outputProcessors(p36).writeGap(1)
                .passthrough().from("l49").name("l53").inOffset(0x4000).at(p36, 0x0004).writeGap(1)
                .passthrough().add("l52", "l53").name("l54").inOffset(0).at(p36, 0x4000)
                .conv2d(432, 1).pad(0).relu().name("l55").at(p36, 0)
                .conv2d(80, 1).pad(0).name("l57").at(ALL, 0x4000).outputProcessors(p40)
                .conv2d(480, 1).pad(0).relu().name("l58").at(p40, 0).outputProcessors(p60)
                .conv2d(80, 1).pad(0).name("l60").at(p60, 0).outputProcessors(p40).writeGap(1)
                .passthrough().from("l57").name("l61").inOffset(0x4000).at(p40, 0x0004).writeGap(1)
                .passthrough().add("l60", "l61").name("l62").inOffset(0).at(p40, 0x4000).outputProcessors(p40)
                .conv2d(480, 1).pad(0).relu().name("l63").at(p40, 0).outputProcessors(p60)
                .conv2d(80, 1).pad(0).name("l65").at(p60, 0).outputProcessors(p40).writeGap(1)
                .passthrough().from("l62").name("l66").inOffset(0x4000).at(p40, 0x0004).outputProcessors(p40)
                        .writeGap(1)
                .passthrough().add("l65", "l66").name("l67").inOffset(0).at(p40, 0x4000).outputProcessors(p40)
                .conv2d(480, 1).pad(0).relu().name("l68").at(p40, 0).outputProcessors(p60)
                .conv2d(240, 1).pad(0).name("l70").at(p60, 0x4000).outputProcessors(p60)
                .conv2d(480, 1).pad(0).relu().noBias().name("l71").at(p60, 0).outputProcessors(p60)
                .conv2d(100, 1).pad(0).avgPool(4).wide().noBias().name("l72").at(p60, 0x4000)
                        .outputProcessors(0x000fffffffffffffL)
                .build();
    }

    /**
     * UNet-large (ai85unetlarge, CamVid): ai8x-synthesis {@code networks/camvid-unet-large.yaml}; 48
     * channels x 48 x 48 (the camera image folded 4x4 into channels). Encoder with max pooling, decoder
     * with transposed convolutions, and skip connections concatenated along channels. 8-bit, 8-bit output.
     */
    static Network unetLarge() {
        long p28 = 0x000000000fffffffL;
        long p32 = 0x00000000ffffffffL;
        long p48 = 0x0000ffffffffffffL;
        long p56 = 0x00ffffffffffffffL;
        return NetworkSketch.of("unet-large", new Shape(48, 48, 48), DataFormat.HWC)
                .conv2d(64, 1).pad(0).relu().inOffset(0x0700).at(p48, 0x0600).outputProcessors(ALL)
                .conv2d(64, 1).pad(0).relu().at(ALL, 0x0400).outputProcessors(ALL)
                .conv2d(32, 1).pad(0).relu().at(ALL, 0x0200).outputProcessors(p32)
                .conv2d(8, 3).pad(1).relu().at(p32, 0).outputProcessors(0xff00000000000000L)
                .conv2d(28, 3).pad(1).maxPool(2).relu().at(0xff00000000000000L, 0)
                        .outputProcessors(0x00fffffff0000000L)
                .conv2d(56, 3).pad(1).maxPool(2).relu().at(0x00fffffff0000000L, 0x5000).outputProcessors(p56)
                .conv2d(112, 3).pad(1).maxPool(2).relu().at(p56, 0x6000).outputProcessors(p56)
                .passthrough().from(5).inOffset(0x5000).at(p56, 0x4004).outputProcessors(p56).writeGap(1)
                .convTranspose2d(56).pad(1).from(6).inOffset(0x6000).at(p56, 0x4000).outputProcessors(p56)
                        .writeGap(1)
                .conv2d(56, 3).pad(1).relu().from(8, 7).inOffset(0x4000).at(p56, 0x2000).outputProcessors(p56)
                .convTranspose2d(28).pad(1).inOffset(0x2000).at(p56, 0).outputProcessors(p28)
                .conv2d(28, 3).pad(1).relu().from(10, 4).inOffset(0).at(p56, 0x2000).outputProcessors(p28)
                .convTranspose2d(8).pad(1).at(p28, 0).outputProcessors(0x00ff000000000000L)
                .conv2d(48, 3).pad(1).relu().from(12, 3).inOffset(0).at(0xffff000000000000L, 0x0700)
                        .outputProcessors(p48)
                .conv2d(64, 3).pad(1).relu().at(p48, 0x0550).outputProcessors(ALL)
                .conv2d(64, 1).pad(0).relu().at(ALL, 0x0400).outputProcessors(ALL)
                .conv2d(64, 1).pad(0).relu().at(ALL, 0x0250).outputProcessors(ALL)
                .conv2d(64, 1).pad(0).at(ALL, 0x0100).outputProcessors(ALL)
                .conv2d(64, 1).pad(0).at(ALL, 0).outputProcessors(ALL)
                .build();
    }
}
