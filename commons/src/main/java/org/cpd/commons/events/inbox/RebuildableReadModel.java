package org.cpd.commons.events.inbox;

/**
 * A read model kept from one topic by one consumer, which can be built again from that topic's start
 * ({@link ReadModelRebuild}): the consumer bean implements it.
 */
public interface RebuildableReadModel {

    /** The topic the read model is kept from. */
    String topic();

    /** The consumer's routes (its name is the inbox's and the rebuild's key). */
    EventRoutes routes();

    /** Empties the read model's tables; runs in the rebuild's transaction, with the inbox cleared beside it. */
    void clear();
}
