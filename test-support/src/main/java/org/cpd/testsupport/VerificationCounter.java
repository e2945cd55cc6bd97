package org.cpd.testsupport;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.cpd.commons.web.security.CachedTokenIdentityProvider;

/**
 * Counts the tokens that reach verification: it sits after the cache of verified tokens and before quarkus-oidc,
 * answers nothing, and so sees exactly the tokens the cache did not answer. Not a bean here, so that only the
 * applications whose tests count verifications have one: such a module declares a {@code @Singleton} subclass.
 */
public class VerificationCounter implements IdentityProvider<TokenAuthenticationRequest> {

    private final Map<String, AtomicInteger> verifications = new ConcurrentHashMap<>();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return CachedTokenIdentityProvider.PRIORITY - 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        verifications.computeIfAbsent(request.getToken().getToken(), t -> new AtomicInteger()).incrementAndGet();
        return Uni.createFrom().nullItem();
    }

    public int of(String token) {
        AtomicInteger count = verifications.get(token);
        return count == null ? 0 : count.get();
    }
}
