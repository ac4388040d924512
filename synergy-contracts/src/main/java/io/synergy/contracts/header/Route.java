package io.synergy.contracts.header;

import java.util.ArrayList;
import java.util.List;

/**
 * The stages one request runs through, chosen by the executor from the execution plan when it
 * admits the request (one replica per segment). The segments are contiguous and start at layer 0.
 * Header form: stages joined by {@code ;}, each {@code gatewayId/deviceId:fromLayer-toLayer}, e.g.
 * {@code gw-head/glasses:0-5;gw-hub/phone:5-12}.
 */
public record Route(List<RouteStage> stages) {

    public Route {
        if (stages == null || stages.isEmpty()) {
            throw new IllegalArgumentException("route: needs at least one stage, got " + stages);
        }
        stages = List.copyOf(stages);
        if (stages.get(0).fromLayer() != 0) {
            throw new IllegalArgumentException("route: the first stage must start at layer 0, got " + stages.get(0).text());
        }
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).fromLayer() != stages.get(i - 1).toLayer()) {
                throw new IllegalArgumentException("route: stage " + i + " (" + stages.get(i).text()
                        + ") must start where stage " + (i - 1) + " ends, at layer " + stages.get(i - 1).toLayer());
            }
        }
    }

    public int size() {
        return stages.size();
    }

    public RouteStage stage(int index) {
        if (index < 0 || index >= stages.size()) {
            throw new IllegalArgumentException("stageIndex: must be in 0.." + (stages.size() - 1) + ", got " + index);
        }
        return stages.get(index);
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        for (RouteStage stage : stages) {
            text.append(text.length() == 0 ? "" : ";").append(stage.text());
        }
        return text.toString();
    }

    /**
     * Reads the header form.
     *
     * @throws IllegalArgumentException naming the stage that does not read
     */
    public static Route parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("route: required, got " + (text == null ? "nothing" : "blank text"));
        }
        List<RouteStage> stages = new ArrayList<>();
        for (String part : text.split(";", -1)) {
            stages.add(parseStage(part));
        }
        return new Route(stages);
    }

    private static RouteStage parseStage(String part) {
        int slash = part.indexOf('/');
        int colon = part.indexOf(':', slash + 1);
        int dash = colon < 0 ? -1 : part.indexOf('-', colon + 1);
        if (slash < 0 || colon < 0 || dash < 0) {
            throw new IllegalArgumentException("route: stage '" + part + "' must read gatewayId/deviceId:fromLayer-toLayer");
        }
        try {
            return new RouteStage(part.substring(0, slash), part.substring(slash + 1, colon),
                    Integer.parseInt(part.substring(colon + 1, dash)), Integer.parseInt(part.substring(dash + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("route: stage '" + part + "' must read gatewayId/deviceId:fromLayer-toLayer", e);
        }
    }
}
