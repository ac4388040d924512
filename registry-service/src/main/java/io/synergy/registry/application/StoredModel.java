package io.synergy.registry.application;

import io.synergy.contracts.model.ModelPackage;
import io.synergy.core.network.Model;

/**
 * A registered model: what the topic holds and the core model read back from its package.
 *
 * @param description free text, or null
 */
public record StoredModel(String name, String description, ModelPackage modelPackage, Model model) {
}
