package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.Erasure;

/** This service's erasure of a person, applied from the directory's event (docs/adr/0043-erasure.md). */
@ApplicationScoped
public class ErasureStatusService {

    /** 404 before the event was applied and for anyone but an admin of the partnerships recorded on it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Erasure status(UUID practitionerId, Caller caller) {
        Erasure erasure = Erasure.findById(practitionerId);
        if (erasure == null || !erasure.readableBy(caller)) {
            throw RuleViolation.notFound("erasure of practitioner", practitionerId);
        }
        return erasure;
    }
}
