package io.synergy.gateway.application;

/** Which segment a stage needs: the layers [fromLayer, toLayer) of one app's network. */
public record SegmentKey(String appId, int fromLayer, int toLayer) {

    public SegmentKey {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("appId: required, got " + appId);
        }
        if (fromLayer < 0 || toLayer <= fromLayer) {
            throw new IllegalArgumentException("layers: a segment needs 0 <= fromLayer < toLayer, got ["
                    + fromLayer + ", " + toLayer + ")");
        }
    }

    /** {@code appId:from-to}, as the REST view shows it. */
    public String text() {
        return appId + ":" + fromLayer + "-" + toLayer;
    }
}
