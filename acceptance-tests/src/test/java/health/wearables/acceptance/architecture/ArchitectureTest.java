package health.wearables.acceptance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hexagon, as rules: the domain depends on nothing, the application on the domain, each adapter on the inside
 * only, never on another adapter. All modules' classes are imported from their jars (nothing is excluded but this
 * module's own tests).
 */
class ArchitectureTest {
    static final String DOMAIN = "health.wearables.domain..";
    static final String PORTS = "health.wearables.application.port..";
    static final String SERVICES = "health.wearables.application.service..";
    static final String HTTP_API = "health.wearables.adapters.rest.in.api..";
    static final String PROVIDER_CLIENTS = "health.wearables.adapters.rest.out.provider..";
    static final String CONFIGURATION = "health.wearables.adapters.rest.app.config..";
    static final String BACKGROUND = "health.wearables.adapters.rest.app.background..";
    /** The WAR's wiring: the use cases built from the ports (this package only, not the adapters beside it). */
    static final String WIRING = "health.wearables.adapters.rest.app";
    static final String REDIS = "health.wearables.adapters.redis..";
    static final String FHIR = "health.wearables.adapters.fhir..";

    private static JavaClasses gateway;

    @BeforeAll
    static void importGateway() {
        gateway = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("health.wearables");
    }

    @Test
    void every_ring_is_present_so_no_rule_passes_on_nothing() {
        for (String ring : List.of(DOMAIN, PORTS, SERVICES, HTTP_API, PROVIDER_CLIENTS, CONFIGURATION, BACKGROUND, WIRING,
                REDIS, FHIR)) {
            boolean withSubpackages = ring.endsWith("..");
            String prefix = withSubpackages ? ring.substring(0, ring.length() - 2) : ring;
            assertThat(gateway.stream().filter(c -> withSubpackages ? c.getPackageName().startsWith(prefix)
                            : c.getPackageName().equals(prefix)).count())
                    .as("classes in " + ring).isPositive();
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
                .adapter("configuration", CONFIGURATION)
                .adapter("background work", BACKGROUND)
                .adapter("wiring", WIRING)
                .adapter("redis", REDIS)
                .adapter("fhir store", FHIR)
                .because("the gateway's rules live in the domain and the use cases; each technology is an adapter that "
                        + "plugs into a port and knows no other adapter")
                .check(gateway);
    }

    @Test
    void the_domain_is_plain_java() {
        classes().that().resideInAPackage(DOMAIN)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
                .because("the state machine must be testable and readable without any framework")
                .check(gateway);
    }

    @Test
    void the_application_knows_only_the_domain() {
        classes().that().resideInAnyPackage(PORTS, SERVICES)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, PORTS, SERVICES)
                .because("use cases orchestrate ports; technology stays in the adapters")
                .check(gateway);
    }

    @Test
    void nothing_is_named_after_a_vague_role() {
        classes().that().resideInAPackage("health.wearables..")
                .should().haveSimpleNameNotEndingWith("Impl")
                .andShould().haveSimpleNameNotEndingWith("Manager")
                .andShould().haveSimpleNameNotEndingWith("Helper")
                .andShould().haveSimpleNameNotEndingWith("Util")
                .check(gateway);
    }
}
