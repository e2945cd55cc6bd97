package org.cpd.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.cpd.commons.web.audit.AuditCatalogue;

/**
 * The one rule set for every service's layout (docs/architecture.md). A service's architecture test
 * is {@code @AnalyzeClasses(packages = "org.cpd.<service>", importOptions = DoNotIncludeTests.class)}
 * with {@code @ArchTest ArchTests layout = ArchTests.in(ServiceArchitecture.class)}.
 *
 * <p>Layers, by package under the service's root: {@code rest} (resources, DTOs, OpenAPI examples),
 * {@code service} (use cases, transactions, the caller), {@code domain} (entities, value objects,
 * rules, access policies, read-model entities), {@code repository} (queries), {@code events}
 * (publisher, consumers), {@code config} (configuration, seed data), {@code health}.
 */
public final class ServiceArchitecture {

    private static final String REST = "..rest..";
    private static final String SERVICE = "..service..";
    private static final String DOMAIN = "..domain..";
    private static final String REPOSITORY = "..repository..";
    private static final String EVENTS = "..events..";
    private static final String CONFIG = "..config..";
    private static final String HEALTH = "..health..";

    private ServiceArchitecture() {
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true) // not every service has config or health code
            .layer("rest").definedBy(REST)
            .layer("service").definedBy(SERVICE)
            .layer("domain").definedBy(DOMAIN)
            .layer("repository").definedBy(REPOSITORY)
            .layer("events").definedBy(EVENTS)
            .layer("config").definedBy(CONFIG)
            .optionalLayer("health").definedBy(HEALTH) // a service may have no readiness check of its own
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "config")
            .whereLayer("events").mayOnlyBeAccessedByLayers("service", "config")
            .whereLayer("repository").mayOnlyBeAccessedByLayers("service", "events", "config", "health")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "service", "repository", "events", "config", "health")
            .whereLayer("config").mayOnlyBeAccessedByLayers("rest", "service", "repository", "events", "health")
            .whereLayer("health").mayNotBeAccessedByAnyLayer()
            .as("Layers depend downwards only: rest -> service -> (events, repository) -> domain");

    @ArchTest
    static final ArchRule noHttpBelowTheEdge = noClasses().that().resideInAnyPackage(SERVICE, DOMAIN, REPOSITORY, EVENTS)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..")
            .orShould().dependOnClassesThat(problemTypes())
            .as("Below the API layer nothing speaks HTTP: no JAX-RS, no Response, no problem types (raise RuleViolation)");

    @ArchTest
    static final ArchRule entitiesLiveInTheDomain = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .or().areAnnotatedWith("jakarta.persistence.Embeddable")
            .should().resideInAPackage(DOMAIN)
            .as("Entities, embeddables and read-model rows live in the domain package");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.cpd.(*).(**)").should().beFreeOfCycles()
            .as("No cycles between the service's packages");

    @ArchTest
    static final ArchRule resourcesAreNotTransactional = noClasses().that().resideInAPackage(REST)
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .orShould().haveSimpleNameEndingWith("Repository")
            .as("Resources open no transaction: the service layer does");

    @ArchTest
    static final ArchRule resourceMethodsAreNotTransactional = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noMethods().that().areDeclaredInClassesThat().resideInAPackage(REST)
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .as("No resource method opens a transaction");

    @ArchTest
    static final ArchRule resourcesRunNoQueries = noClasses().that().resideInAPackage(REST)
            .should().accessTargetWhere(persistenceAccess())
            .orShould().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .as("Resources are thin: no queries, no writes (the service layer does them)");

    @ArchTest
    static final ArchRule transactionsStartInTheServiceLayer = noClasses()
            .that().resideOutsideOfPackages(SERVICE, EVENTS, CONFIG)
            .should().beAnnotatedWith("jakarta.transaction.Transactional")
            .as("Transactions start in the service layer (consumers and seed data excepted)");

    /**
     * An audit entry's action and resource type must be in the closed {@link AuditCatalogue}: the audit log
     * refuses any other at run time (a 500), so a name outside it is caught here, before it ships. Checked
     * on the literals of {@code audit.entry("action", "type", ...)} and {@code audit.record("action", "type", ...)}
     * in the class's source file.
     */
    @ArchTest
    static final ArchRule auditNamesAreCatalogued = classes().that().areTopLevelClasses()
            .should(AuditNames.CATALOGUED)
            .as("Audit entries name only catalogued actions and resource types (commons-web AuditCatalogue)");

    @ArchTest
    static final ArchRule settingsAreTyped = classes().should(Settings.TYPED)
            .as("The suite's settings (cpd.*) are read through typed @ConfigMapping interfaces");

    @ArchTest
    static final ArchRule columnsFollowTheNamingStrategy = classes().that().areAnnotatedWith("jakarta.persistence.Entity")
            .or().areAnnotatedWith("jakarta.persistence.Embeddable")
            .or().areAnnotatedWith("jakarta.persistence.MappedSuperclass")
            .should(Settings.COLUMNS_NAMED_ONLY_WHERE_THEY_DIFFER)
            .as("Columns are named by the naming strategy; @Column(name) only where the name differs");

    /**
     * A scheduled task runs only while the application runs: at shutdown the scheduler can still fire after
     * Hibernate has closed, which failed (and logged) every such task for the seconds the shutdown took.
     */
    @ArchTest
    static final ArchRule scheduledTasksStopWithTheApplication = methods().that().areAnnotatedWith("io.quarkus.scheduler.Scheduled")
            .should(new ArchCondition<>("skip executions while the application is not running") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    Object skip = method.getAnnotationOfType("io.quarkus.scheduler.Scheduled").get("skipExecutionIf")
                            .orElse(null);
                    if (skip == null || ((JavaClass) skip).getName().equals("io.quarkus.scheduler.Scheduled$Never")) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                + " has no skipExecutionIf (use Scheduled.ApplicationNotRunning)"));
                    }
                }
            })
            .allowEmptyShould(true) // a service may schedule nothing
            .as("Scheduled tasks skip their runs while the application is not running");

    private static final Set<String> PANACHE_DATA_METHODS = Set.of("persist", "persistAndFlush", "delete",
            "deleteAll", "deleteById", "update", "flush", "getEntityManager", "count", "listAll", "streamAll",
            "findAll", "findById", "findByIdOptional", "find", "list", "stream");

    private static DescribedPredicate<com.tngtech.archunit.core.domain.JavaAccess<?>> persistenceAccess() {
        return describe("a Panache or EntityManager data method", access -> {
            JavaClass owner = access.getTargetOwner();
            boolean panache = owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                    || owner.isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase");
            boolean entityManager = owner.isAssignableTo("jakarta.persistence.EntityManager");
            return entityManager || (panache && PANACHE_DATA_METHODS.contains(access.getName()));
        });
    }

    private static DescribedPredicate<JavaClass> problemTypes() {
        return describe("the HTTP problem types", c -> c.getPackageName().equals("org.cpd.commons.web")
                && c.getSimpleName().startsWith("Problem"));
    }
}
