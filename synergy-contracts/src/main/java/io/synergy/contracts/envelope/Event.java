package io.synergy.contracts.envelope;

/**
 * An event of the contract. Each topic has one sealed sub-interface listing its events; the codec
 * names an event on the wire by its simple class name, so those names are part of the contract.
 */
public interface Event {

    /** The record key: the id of the aggregate the event is about (see {@code Topic.key()}). */
    String key();
}
