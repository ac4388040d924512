package io.synergy.gateway.application;

import io.synergy.contracts.inference.StageRejection;

/** Why a device will not run a stage, in words naming the segment and the epochs. */
record Rejection(StageRejection reason, String message) {
}
