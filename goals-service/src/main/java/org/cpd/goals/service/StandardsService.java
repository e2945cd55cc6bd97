package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.goals.domain.Standard;
import org.cpd.goals.domain.StandardsFramework;
import org.cpd.goals.events.GoalsPublisher;

/** Standards frameworks held as data. */
@ApplicationScoped
@Transactional
public class StandardsService {

    @Inject
    GoalsPublisher events;

    public record StandardInput(String code, String title) {
    }

    public StandardsFramework create(String code, String name, String description, List<StandardInput> standards) {
        if (StandardsFramework.count("code", code) > 0) {
            throw RuleViolation.conflict("framework-exists", "A standards framework with code " + code + " exists already.");
        }
        Set<String> codes = new HashSet<>();
        for (StandardInput s : standards) {
            if (!codes.add(s.code())) {
                throw RuleViolation.invalid("duplicate-standard-code", "Standard code " + s.code() + " appears twice.");
            }
        }
        StandardsFramework f = new StandardsFramework();
        f.id = UUID.randomUUID();
        f.code = code;
        f.name = name;
        f.description = description;
        int position = 1;
        for (StandardInput s : standards) {
            Standard standard = new Standard();
            standard.id = UUID.randomUUID();
            standard.framework = f;
            standard.code = s.code();
            standard.title = s.title();
            standard.position = position++;
            f.standards.add(standard);
        }
        f.persist();
        events.standardsFrameworkCreated(f);
        return f;
    }

    public StandardsFramework read(UUID id) {
        return StandardsFramework.<StandardsFramework>findByIdOptional(id)
                .orElseThrow(() -> RuleViolation.notFound("standards framework", id));
    }

    public Page<StandardsFramework> list(PageRequest page, String code) {
        page.validate();
        return Paging.page(page, Criteria.where().and("code = :code", "code", code), StandardsFramework.class);
    }
}
