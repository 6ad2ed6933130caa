package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.AuditTrailContract;
import health.wearables.application.port.out.Samples;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.ProjectId;
import health.wearables.domain.RejectionCode;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditRecord;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.AuditEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit trail as AuditEvents in the FHIR store: the port's contract, what one record looks like, and that every
 * kind of record validates against R4 with 0 errors (as {@code /fhir} serves it, JSON).
 */
class FhirAuditTrailTest extends AuditTrailContract {
    private static final EnumSet<ResultSeverityEnum> ERRORS =
            EnumSet.of(ResultSeverityEnum.ERROR, ResultSeverityEnum.FATAL);
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00.250Z");
    private static final String KEY = "acme-live-key-audit-0123456789";

    private static EmbeddedFhirStore fhir;
    private static FhirAuditTrail trail;
    private static FhirValidator validator;

    @BeforeAll
    static void start() {
        fhir = SharedFhirStore.get();
        trail = new FhirAuditTrail(fhir);
        FhirContext context = fhir.fhirContext();
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new SnapshotGeneratingValidationSupport(context));
        validator = context.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    @Override
    protected AuditTrail trail() {
        return trail;
    }

    static List<AuditEvent> search(SearchParameterMap search) {
        search.setSort(new SortSpec(AuditEvent.SP_DATE));
        search.setLoadSynchronous(true);
        return SharedFhirStore.get().auditEvents().search(search, new SystemRequestDetails()).getAllResources().stream()
                .map(AuditEvent.class::cast)
                .toList();
    }

    static List<AuditEvent> ofProject(ProjectId project) {
        return search(SearchParameterMap.newSynchronous(
                "_tag", new TokenParam(EndpointMapping.PROJECT_TAG_SYSTEM, project.value())));
    }

    static AuditAction action(AuditEvent event) {
        String code = event.getSubtypeFirstRep().getCode();
        return Arrays.stream(AuditAction.values())
                .filter(action -> action.code().equals(code))
                .findFirst()
                .orElseThrow();
    }

    @Override
    protected List<AuditAction> actionsOf(ProjectId project) {
        return ofProject(project).stream().map(FhirAuditTrailTest::action).toList();
    }

    @Override
    protected List<Optional<ProjectId>> projectsOfKey(ApiKeyId key) {
        return projectsOfKeyInStore(key);
    }

    static List<Optional<ProjectId>> projectsOfKeyInStore(ApiKeyId key) {
        // The key's id is the agent's altId, which the store does not index (no search of the gateway's uses it): all
        // the events, filtered here.
        return search(SearchParameterMap.newSynchronous()).stream()
                .filter(event ->
                        event.getAgent().stream().anyMatch(agent -> key.value().equals(agent.getAltId())))
                .map(event -> event.getMeta().getTag().stream()
                        .filter(tag -> EndpointMapping.PROJECT_TAG_SYSTEM.equals(tag.getSystem()))
                        .map(tag -> new ProjectId(tag.getCode()))
                        .findFirst())
                .toList();
    }

    private static ValidationResult validated(AuditEvent event) {
        String json = fhir.fhirContext().newJsonParser().encodeResourceToString(event);
        ValidationResult result = validator.validateWithResult(json);
        result.getMessages().stream()
                .filter(message -> message.getSeverity() != ResultSeverityEnum.INFORMATION)
                .forEach(message -> System.out.println("  " + message.getSeverity() + " " + message.getLocationString()
                        + ": " + message.getMessage()));
        return result;
    }

    @Test
    void every_kind_of_record_validates_with_no_error_and_holds_no_key() {
        ConnectionKey key = Samples.connectionKey();
        ApiKeyId by = ApiKeyId.of(new ApiKey(KEY));
        List<AuditRecord> records = List.of(
                AuditRecord.connectStarted(key, by, NOW),
                AuditRecord.connectRefused(
                        key.project(), by, Optional.empty(), Optional.empty(), RejectionCode.UNKNOWN_PROVIDER, NOW),
                AuditRecord.callbackCompleted(key, Optional.of("77"), NOW),
                AuditRecord.callbackCompleted(key, Optional.empty(), NOW),
                AuditRecord.callbackRefused(Optional.of(key), RejectionCode.PROVIDER_ERROR, NOW),
                AuditRecord.callbackRefused(Optional.empty(), RejectionCode.INVALID_STATE, NOW),
                AuditRecord.tokenRefreshed(key, NOW),
                AuditRecord.refreshRefused(key, NOW),
                AuditRecord.revoked(key, by, Optional.empty(), "not_offered", NOW),
                AuditRecord.deauthorized(key, "77", NOW),
                AuditRecord.syncRequested(key, by, "77", true, NOW),
                AuditRecord.syncOfNoConnection(key.project(), by, NOW),
                AuditRecord.apiKeyRefused(Optional.of(ApiKeyId.of(new ApiKey("unknown-key-0123"))), NOW),
                AuditRecord.apiKeyRefused(Optional.empty(), NOW));

        for (AuditRecord record : records) {
            AuditEvent event = AuditEventMapping.of(record);
            String json = fhir.fhirContext().newJsonParser().encodeResourceToString(event);
            ValidationResult result = validated(event);

            assertThat(result.getMessages())
                    .as(record.action() + " " + record.detail() + ": " + json)
                    .noneMatch(message -> ERRORS.contains(message.getSeverity()));
            assertThat(json).doesNotContain(KEY).doesNotContain("unknown-key-0123");
        }
    }

    @Test
    void a_callback_is_one_audit_event_tagged_with_its_project_naming_the_patient_and_the_endpoint() {
        ConnectionKey key = Samples.connectionKey();

        trail.record(AuditRecord.callbackCompleted(key, Optional.of("77"), NOW));

        List<AuditEvent> written = ofProject(key.project());
        assertThat(written).hasSize(1);
        AuditEvent event = written.get(0);
        String json = fhir.fhirContext().newJsonParser().setPrettyPrint(true).encodeResourceToString(event);
        System.out.println("a callback's AuditEvent:\n" + json);
        assertThat(event.getType().getCode()).isEqualTo("110100");
        assertThat(event.getSubtypeFirstRep().getSystem()).isEqualTo(AuditEventMapping.ACTION_SYSTEM);
        assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("callback-completed");
        assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(event.getOutcomeDesc()).isEqualTo("connected");
        assertThat(event.getRecorded().toInstant()).isEqualTo(NOW);
        assertThat(event.getEntity().stream()
                        .map(entity -> entity.getWhat().getReference())
                        .filter(reference -> reference != null)
                        .collect(Collectors.toList()))
                .containsExactly("Patient/" + key.patient().value(), "Endpoint/77");
        assertThat(event.getAgentFirstRep().getWho().getIdentifier().getValue())
                .isEqualTo(key.project().value());
        assertThat(errorsOf(validated(event))).isZero();
    }

    private static long errorsOf(ValidationResult result) {
        return result.getMessages().stream()
                .filter(message -> ERRORS.contains(message.getSeverity()))
                .count();
    }

    @Test
    void a_projects_audit_events_are_found_by_their_patients_tag() {
        ConnectionKey key = Samples.connectionKey();
        ConnectionKey other =
                new ConnectionKey(key.project(), Samples.connectionKey().patient(), key.provider());
        trail.record(AuditRecord.tokenRefreshed(key, NOW));
        trail.record(AuditRecord.tokenRefreshed(other, NOW));

        SearchParameterMap byPatient = SearchParameterMap.newSynchronous(
                "_tag",
                new TokenParam(EndpointMapping.PROJECT_TAG_SYSTEM, key.project().value()));
        byPatient.add(
                "_tag",
                new TokenParam(
                        EndpointMapping.PROJECT_PATIENT_SYSTEM,
                        key.project().value() + "/" + key.patient().value()));

        assertThat(search(byPatient)).hasSize(1);
    }

    @Test
    void a_batch_of_records_of_a_new_patient_writes_them_all_and_makes_one_tag_for_the_patient() throws SQLException {
        ConnectionKey key = Samples.connectionKey();
        String patientTag = key.project().value() + "/" + key.patient().value();
        List<AuditRecord> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(AuditRecord.tokenRefreshed(key, NOW.plusSeconds(i)));
        }

        trail.writeAll(batch);

        SearchParameterMap byPatient = SearchParameterMap.newSynchronous(
                "_tag", new TokenParam(EndpointMapping.PROJECT_PATIENT_SYSTEM, patientTag));
        assertThat(search(byPatient)).hasSize(5);
        try (Connection connection = DriverManager.getConnection(
                        "jdbc:postgresql://" + TestDatabases.HOST + "/wearables_adapter_test", TestDatabases.USER, "");
                PreparedStatement definitions = connection.prepareStatement(
                        "SELECT count(*) FROM hfj_tag_def WHERE tag_system = ? AND tag_code = ?")) {
            definitions.setString(1, EndpointMapping.PROJECT_PATIENT_SYSTEM);
            definitions.setString(2, patientTag);
            try (ResultSet count = definitions.executeQuery()) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(1);
            }
        }
    }
}
