package org.cpd.commons.events.inbox;

/**
 * A consumer whose read model can be built again from its topic's start ({@link ReadModelRebuild}):
 * its routes say from which topic and how to empty it ({@link EventRoutes#rebuildableFrom}).
 */
public interface RebuildableReadModel {

    EventRoutes routes();
}
