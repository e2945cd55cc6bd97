package org.cpd.testsupport.sql;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements one HTTP request runs, the caller's resolution included (a
 * {@code SecurityIdentityAugmentor}'s queries run on the request's Vert.x context too), so a test can
 * keep a read at one statement. Every statement a service runs goes through Hibernate (native queries
 * too), which hands each one to this inspector before it is prepared.
 * <p>
 * A request is counted when it carries {@link #HEADER}: {@link StatementCountingFilter} puts its value
 * on the request's context before authentication; statements run elsewhere (the outbox relay, the
 * audit writer, consumers) have no such mark and are not counted. Commons enables it for every service's tests (META-INF/microprofile-config.properties):
 * {@code %test.quarkus.hibernate-orm.unsupported-properties."hibernate.session_factory.statement_inspector"=org.cpd.testsupport.sql.StatementCounter}.
 */
public class StatementCounter implements StatementInspector {

    public static final String HEADER = "X-Count-Statements";
    static final String CONTEXT_KEY = "cpd.count-statements";

    private static final Map<String, List<String>> BY_REQUEST = new ConcurrentHashMap<>();
    private static final ThreadLocal<String> ON_THREAD = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        Context context = Vertx.currentContext();
        Object key = context == null ? ON_THREAD.get() : context.getLocal(CONTEXT_KEY);
        if (key instanceof String request) {
            BY_REQUEST.computeIfAbsent(request, k -> Collections.synchronizedList(new ArrayList<>())).add(sql);
        }
        return sql;
    }

    /**
     * The statements of the request {@code send} makes: it is given the value to send as {@link #HEADER}
     * (e.g. {@code key -> given().header(StatementCounter.HEADER, key).get(path)}) and must have read the
     * response before it returns.
     */
    public static List<String> statementsOf(Consumer<String> send) {
        String key = UUID.randomUUID().toString();
        send.accept(key);
        List<String> statements = BY_REQUEST.remove(key);
        if (statements == null) {
            return List.of();
        }
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /**
     * The statements {@code work} runs on the calling thread (no Vert.x context), e.g. a consumer's handler called
     * directly by a test: statements of other threads are not counted.
     */
    public static List<String> statementsOnThisThread(Runnable work) {
        String key = UUID.randomUUID().toString();
        ON_THREAD.set(key);
        try {
            work.run();
        } finally {
            ON_THREAD.remove();
        }
        List<String> statements = BY_REQUEST.remove(key);
        if (statements == null) {
            return List.of();
        }
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }
}
