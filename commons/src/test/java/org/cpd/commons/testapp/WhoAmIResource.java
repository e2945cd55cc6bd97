package org.cpd.commons.testapp;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.security.Roles;

/** Tells what a resource sees of its caller, so tests can compare a verified token with a kept one. */
@Path("/api/v1/whoami")
@RolesAllowed(Roles.PRACTITIONER)
public class WhoAmIResource {

    @Inject
    CurrentUser user;

    @Inject
    SecurityIdentity identity;

    @Inject
    RoutingContext routing;

    @GET
    public Map<String, Object> get() {
        Caller caller = user.caller();
        Map<String, Object> seen = new LinkedHashMap<>();
        seen.put("subject", caller.subject());
        seen.put("clientId", caller.clientId());
        seen.put("practitionerId", String.valueOf(caller.practitionerId()));
        seen.put("roles", new TreeSet<>(caller.roles()));
        seen.put("schoolUrns", new TreeSet<>(caller.schoolUrns()));
        seen.put("partnershipIds", new TreeSet<>(caller.partnershipIds().stream().map(String::valueOf).toList()));
        seen.put("permissions", new TreeSet<>(identity.getPermissions().stream().map(String::valueOf).toList()));
        seen.put("attributes", new TreeSet<>(identity.getAttributes().keySet()));
        seen.put("tenant", String.valueOf((Object) identity.getAttribute("tenant-id")));
        seen.put("principal", identity.getPrincipal().getClass().getName());
        RoutingContext attribute = identity.getAttribute(RoutingContext.class.getName());
        // the injected one is a proxy of this request's: compare what it stands for
        seen.put("routingContextIsThisRequests", attribute != null && attribute.request() == routing.request());
        return seen;
    }
}
