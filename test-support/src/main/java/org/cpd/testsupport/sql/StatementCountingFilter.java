package org.cpd.testsupport.sql;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Marks a request that asks to be counted ({@link StatementCounter#HEADER}) on its Vert.x context, before
 * authentication (priority above {@code SecurityHandlerPriorities.CORS}), so the statements of the
 * caller's resolution count too. Requests without the header are not touched.
 */
@ApplicationScoped
public class StatementCountingFilter {

    static final int BEFORE_SECURITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String key = rc.request().getHeader(StatementCounter.HEADER);
            Context context = Vertx.currentContext();
            if (key != null && context != null) {
                context.putLocal(StatementCounter.CONTEXT_KEY, key);
            }
            rc.next();
        }, BEFORE_SECURITY);
    }
}
