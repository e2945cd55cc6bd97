package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.CurrentUser;
import org.cpd.goals.domain.Erasure;

/** This service's erasure of a person, applied from the directory's event (docs/adr/0043-erasure.md). */
@ApplicationScoped
public class ErasureStatusService {

    @Inject
    CurrentUser user;

    /** 404 before the event was applied and for anyone but an admin of the partnerships recorded on it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Erasure status(UUID practitionerId) {
        Erasure erasure = Erasure.findById(practitionerId);
        if (erasure == null || !erasure.readableBy(user.caller())) {
            throw RuleViolation.notFound("erasure of practitioner", practitionerId);
        }
        return erasure;
    }
}
