package health.wearables.acceptance.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon, as rules: the domain depends on nothing and does no I/O, the application on the domain, each adapter on
 * the inside only, never on another adapter; the inbound adapters drive use cases and nothing else; the use cases are
 * built in one place. All modules' classes are imported from their jars (nothing is excluded but this module's own
 * tests). No rule allows an empty set of classes (ArchUnit's default), and the first test proves every ring has some.
 */
class ArchitectureTest {
    static final String DOMAIN = "health.wearables.domain..";
    static final String PORTS = "health.wearables.application.port..";
    static final String PORTS_IN = "health.wearables.application.port.in..";
    static final String PORTS_OUT = "health.wearables.application.port.out..";
    static final String SERVICES = "health.wearables.application.service..";
    static final String HTTP_API = "health.wearables.adapters.rest.in.api..";
    static final String PROVIDER_CLIENTS = "health.wearables.adapters.rest.out.provider..";
    static final String PLATFORM_WEBHOOKS = "health.wearables.adapters.rest.out.platform..";
    static final String CONFIGURATION = "health.wearables.adapters.rest.app.config..";
    static final String BACKGROUND = "health.wearables.adapters.rest.app.background..";
    /** The WAR's wiring: the use cases built from the ports (this package only, not the adapters beside it). */
    static final String WIRING = "health.wearables.adapters.rest.app";

    static final String REDIS = "health.wearables.adapters.redis..";
    static final String FHIR = "health.wearables.adapters.fhir..";
    static final String SEALING = "health.wearables.adapters.sealing..";

    private static JavaClasses gateway;

    @BeforeAll
    static void importGateway() {
        gateway = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.wearables");
    }

    @Test
    void every_ring_is_present_so_no_rule_passes_on_nothing() {
        for (String ring : List.of(
                DOMAIN,
                PORTS,
                PORTS_IN,
                PORTS_OUT,
                SERVICES,
                HTTP_API,
                PROVIDER_CLIENTS,
                PLATFORM_WEBHOOKS,
                CONFIGURATION,
                BACKGROUND,
                WIRING,
                REDIS,
                FHIR,
                SEALING)) {
            boolean withSubpackages = ring.endsWith("..");
            String prefix = withSubpackages ? ring.substring(0, ring.length() - 2) : ring;
            assertThat(gateway.stream()
                            .filter(c -> withSubpackages
                                    ? c.getPackageName().startsWith(prefix)
                                    : c.getPackageName().equals(prefix))
                            .count())
                    .as("classes in " + ring)
                    .isPositive();
        }
    }

    @Test
    void the_hexagon_holds() {
        onionArchitecture()
                .domainModels(DOMAIN)
                .domainServices(PORTS)
                .applicationServices(SERVICES)
                .adapter("http api", HTTP_API)
                .adapter("provider clients", PROVIDER_CLIENTS)
                .adapter("platform webhooks", PLATFORM_WEBHOOKS)
                .adapter("configuration", CONFIGURATION)
                .adapter("background work", BACKGROUND)
                .adapter("wiring", WIRING)
                .adapter("redis", REDIS)
                .adapter("fhir store", FHIR)
                .adapter("token sealing", SEALING)
                .because("the gateway's rules live in the domain and the use cases; each technology is an adapter that "
                        + "plugs into a port and knows no other adapter")
                .check(gateway);
    }

    @Test
    void inbound_adapters_only_drive_use_cases() {
        classes()
                .that()
                .resideInAnyPackage(HTTP_API, BACKGROUND)
                .should()
                .onlyDependOnClassesThat(resideOutsideOfPackage("health.wearables..")
                        .or(resideInAnyPackage(PORTS_IN, DOMAIN, HTTP_API, BACKGROUND)))
                .because("a request or a scheduled pass asks a use case (port.in) and speaks the domain's types; "
                        + "what the use case needs from outside (port.out) and how it is built (the services) are "
                        + "none of its business")
                .check(gateway);
    }

    @Test
    void the_domain_is_plain_java() {
        classes()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN)
                .because("the state machine must be testable and readable without any framework")
                .check(gateway);
    }

    @Test
    void the_domain_does_no_io_and_takes_time_and_randomness_as_given() {
        noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat(resideInAPackage("java.net..")
                        .and(not(belongToAnyOf(
                                URI.class, URISyntaxException.class, URLEncoder.class, URLDecoder.class))))
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.nio.file..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(Executor.class)
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(Executors.class, Thread.class)
                .orShould()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemUTC")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(OffsetDateTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .orShould()
                .callConstructor(Random.class)
                .orShould()
                .callConstructor(SecureRandom.class)
                .because("a transition takes the results of I/O and the time and randomness it is given, so it is "
                        + "pure: URIs are values (URI, its exception, URL encoding), but no socket, HTTP client, "
                        + "database, file, thread, clock or random source of its own")
                .check(gateway);
    }

    @Test
    void the_application_knows_only_the_domain() {
        classes()
                .that()
                .resideInAnyPackage(PORTS, SERVICES)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", DOMAIN, PORTS, SERVICES)
                .because("use cases orchestrate ports; technology stays in the adapters")
                .check(gateway);
    }

    @Test
    void a_port_is_an_interface() {
        classes()
                .that()
                .resideInAPackage(PORTS)
                .and()
                .areTopLevelClasses()
                .and()
                .areNotAssignableTo(Throwable.class)
                .should()
                .beInterfaces()
                .because("a port is a role (a use case the adapters drive, or something the use cases need), never "
                        + "an implementation; the only classes beside the ports are the faults a port may throw or a "
                        + "use case may let through, and the values a port speaks in are nested in it")
                .check(gateway);
    }

    @Test
    void the_use_cases_are_final() {
        classes()
                .that()
                .resideInAPackage(SERVICES)
                .should()
                .haveModifier(JavaModifier.FINAL)
                .because("a use case is used through its port.in interface and extended by nobody")
                .check(gateway);
    }

    @Test
    void only_the_wiring_builds_the_use_cases() {
        classes()
                .that()
                .resideInAPackage(SERVICES)
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage(SERVICES, WIRING)
                .because("the use cases are built in one place, the WAR's wiring, from the ports the adapters "
                        + "produce; everyone else knows them by their port.in interfaces")
                .check(gateway);
    }

    @Test
    void nothing_is_named_after_a_vague_role() {
        classes()
                .that()
                .resideInAPackage("health.wearables..")
                .should()
                .haveSimpleNameNotEndingWith("Impl")
                .andShould()
                .haveSimpleNameNotEndingWith("Manager")
                .andShould()
                .haveSimpleNameNotEndingWith("Helper")
                .andShould()
                .haveSimpleNameNotEndingWith("Util")
                .check(gateway);
    }

    /**
     * Spans are made with the OpenTelemetry that Liberty hands the application through CDI: the global one is a no-op
     * under Liberty, which warns when it is asked for (CWMOT5000W). The server configuration silences that warning,
     * because HAPI's validation support chain asks for it at every start (for cache gauges nobody exports); this rule
     * keeps the gateway's own code from being what it silences.
     */
    @Test
    void spans_come_from_the_injected_opentelemetry_never_the_global_one() {
        noClasses()
                .that()
                .resideInAPackage("health.wearables..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("io.opentelemetry.api.GlobalOpenTelemetry")
                .check(gateway);
    }
}
