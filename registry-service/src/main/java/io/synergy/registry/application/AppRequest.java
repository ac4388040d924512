package io.synergy.registry.application;

/**
 * An app as a client asks for it (the JSON body of {@code POST /api/apps}); unchecked until
 * {@link AppRegistry#deploy}.
 *
 * @param id                  the app id
 * @param model               a registered model's name
 * @param source              the capability the input comes from, e.g. "camera"
 * @param target              the capability the result goes to, e.g. "display"
 * @param wantedRatePerSecond inferences per second wanted; absent or 0 for "as fast as the fleet allows"
 */
public record AppRequest(String id, String model, String source, String target, Double wantedRatePerSecond) {
}
