package io.synergy.cli.demo;

import java.util.List;

/** An app the demo deploys: a zoo model between a source and a target capability. */
public record DemoApp(String id, String model, String source, String target) {

    /**
     * The demo's apps on the wearable fleet: segmentation on the glasses' camera, keyword spotting on
     * the earbuds' microphone, and image classification with EfficientNetV2, which fits no single
     * MAX78000 (624 KB of weights) and so must be split.
     */
    public static List<DemoApp> wearables() {
        return List.of(
                new DemoApp("segmentation", "unet-large", "camera", "display"),
                new DemoApp("keywords", "kws", "microphone", "speaker"),
                new DemoApp("classification", "efficientnetv2", "camera", "display"));
    }
}
