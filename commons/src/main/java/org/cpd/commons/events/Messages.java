package org.cpd.commons.events;

import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/** What the outbox relay and the dead-letter writer share to learn whether the broker took a record. */
public final class Messages {

    private Messages() {
    }

    /** A message that completes {@code ack} when the broker acknowledges it, and fails it when the broker refuses it. */
    public static Message<String> completing(CompletableFuture<Void> ack, String payload, Metadata metadata) {
        return Message.of(payload, metadata,
                () -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
    }

    /** The innermost cause: what the broker client really said. */
    public static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
