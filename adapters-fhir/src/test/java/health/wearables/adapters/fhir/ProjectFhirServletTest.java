package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import health.wearables.application.port.out.AuditTrail;
import health.wearables.application.port.out.ConfiguredProviders;
import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.SyncPoints.Outcome;
import health.wearables.application.port.out.SyncPoints.SyncPoint;
import health.wearables.application.port.out.TokenCipher.TokenKind;
import health.wearables.domain.ApiKey;
import health.wearables.domain.ConfiguredProvider;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.audit.ApiKeyId;
import health.wearables.domain.audit.AuditRecord;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import health.wearables.domain.sync.ObservationDraft;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code /fhir} over HTTP, HAPI's RestfulServer in a servlet container in the test JVM on the shared store: who may
 * read what, that every refusal is a FHIR OperationOutcome, and that a routine refusal is one INFO line in the log,
 * never an ERROR or WARN with a stack trace.
 */
class ProjectFhirServletTest {
    private static final String KEY = "fhir-servlet-test-key";
    private static final String OTHER_KEY = "fhir-servlet-other-key";
    private static final String UNKNOWN_KEY = "fhir-servlet-unknown-key";
    private static final ConfiguredProviders NO_PROVIDERS = new ConfiguredProviders() {
        @Override
        public Optional<ConfiguredProvider> find(ProviderSlug slug) {
            return Optional.empty();
        }

        @Override
        public List<ConfiguredProvider> all() {
            return List.of();
        }
    };

    private static final List<AuditRecord> AUDITED = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static ConnectionKey stored;
    private static ConnectionKey othersConnection;
    private static ObservationDraft pulse;
    private static ObservationDraft steps;
    private static FhirServletHarness server;

    @BeforeAll
    static void start() throws Exception {
        EmbeddedFhirStore store = SharedFhirStore.get();
        stored = Samples.connectionKey();
        Project owner = new Project(stored.project(), List.of(new ApiKey(KEY).sha256()), List.of());
        Project other =
                new Project(new ProjectId(Samples.unique("other")), List.of(new ApiKey(OTHER_KEY).sha256()), List.of());
        new FhirConnectionStore(store, NO_PROVIDERS).save(sealed(stored));
        FhirObservationStore observations = new FhirObservationStore(store, NO_PROVIDERS);
        pulse = draft(stored, DataType.HEART_RATE, "hr-1", 64, Effective.at(Instant.parse("2026-11-02T07:30:00Z")));
        steps = draft(
                stored,
                DataType.DAILY_STEPS,
                "steps-1",
                8_412,
                Effective.between(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z")));
        observations.write(stored, List.of(pulse, steps));
        othersConnection = new ConnectionKey(other.id(), stored.patient(), stored.provider());
        observations.write(
                othersConnection,
                List.of(draft(
                        othersConnection,
                        DataType.HEART_RATE,
                        "hr-1",
                        99,
                        Effective.at(Instant.parse("2026-11-02T07:30:00Z")))));

        FhirAuditTrail audits = new FhirAuditTrail(store);
        audits.record(AuditRecord.callbackCompleted(stored, Optional.of("77"), Instant.parse("2026-11-02T07:31:00Z")));
        audits.record(AuditRecord.syncRequested(
                stored, ApiKeyId.of(new ApiKey(KEY)), "77", true, Instant.parse("2026-11-03T07:31:00Z")));
        audits.record(AuditRecord.tokenRefreshed(othersConnection, Instant.parse("2026-11-02T07:32:00Z")));
        audits.record(AuditRecord.apiKeyRefused(
                Optional.of(ApiKeyId.of(new ApiKey(UNKNOWN_KEY))), Instant.parse("2026-11-02T07:33:00Z")));

        AuditTrail recording = record -> {
            AUDITED.add(record);
            audits.record(record);
        };
        ProjectDirectory directory = new ProjectDirectory() {
            @Override
            public Optional<Project> find(ProjectId id) {
                return List.of(owner, other).stream()
                        .filter(project -> project.id().equals(id))
                        .findFirst();
            }

            @Override
            public Optional<Project> authenticate(ApiKey key) {
                return List.of(owner, other).stream()
                        .filter(project -> project.authenticates(key))
                        .findFirst();
            }
        };
        server = new FhirServletHarness(store, directory, recording);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static ObservationDraft draft(
            ConnectionKey key, DataType type, String sourceId, double value, Effective effective) {
        return new ObservationDraft(key, type, value, effective, ObservationDraft.identifierOf(key, type, sourceId));
    }

    private static SealedCredentials sealed(ConnectionKey key) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ReversibleTokenCipher cipher = new ReversibleTokenCipher();
        return new SealedCredentials(
                key,
                cipher.seal(key, TokenKind.ACCESS, "access"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(now.plusSeconds(60)),
                List.of("activity"),
                Optional.empty(),
                now);
    }

    private HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return server.get(path, apiKey);
    }

    private HttpResponse<String> post(String path, String apiKey, String json)
            throws IOException, InterruptedException {
        return server.post(path, apiKey, json);
    }

    private String endpointId() throws IOException, InterruptedException {
        HttpResponse<String> search =
                get("/fhir/Endpoint?identifier=" + EndpointMapping.CONNECTION_SYSTEM + "%7C" + stored.canonical(), KEY);
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
        String body = search.body();
        int at = body.indexOf("\"resourceType\":\"Endpoint\",\"id\":\"");
        assertThat(at).as(body).isNotNegative();
        int start = at + "\"resourceType\":\"Endpoint\",\"id\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    @Test
    void the_owning_project_reads_its_endpoint() throws Exception {
        HttpResponse<String> read = get("/fhir/Endpoint/" + endpointId(), KEY);

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("\"resourceType\":\"Endpoint\"").contains(stored.canonical());
    }

    private static Bundle bundle(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer.body());
    }

    /** The resources of a search answer, as {@code type/id}. */
    private static List<String> found(HttpResponse<String> answer) {
        return bundle(answer).getEntry().stream()
                .map(entry -> entry.getResource()
                        .getIdElement()
                        .toUnqualifiedVersionless()
                        .getValue())
                .toList();
    }

    private String observationOf(ObservationDraft draft) throws IOException, InterruptedException {
        return found(get(
                        "/fhir/Observation?identifier=" + ObservationDraft.IDENTIFIER_SYSTEM + "%7C"
                                + draft.identifier(),
                        KEY))
                .get(0);
    }

    private String othersObservation() throws IOException, InterruptedException {
        String identifier = ObservationDraft.identifierOf(othersConnection, DataType.HEART_RATE, "hr-1");
        return found(get(
                        "/fhir/Observation?identifier=" + ObservationDraft.IDENTIFIER_SYSTEM + "%7C" + identifier,
                        OTHER_KEY))
                .get(0);
    }

    @Test
    void a_search_by_another_projects_key_finds_nothing_and_says_so() throws Exception {
        String byIdentifier =
                "/fhir/Endpoint?identifier=" + EndpointMapping.CONNECTION_SYSTEM + "%7C" + stored.canonical();

        Bundle theirs = bundle(get(byIdentifier, OTHER_KEY));
        Bundle own = bundle(get(byIdentifier, KEY));

        assertThat(theirs.getTotal()).isZero();
        assertThat(theirs.hasEntry()).isFalse();
        assertThat(own.getTotal()).isEqualTo(1);
    }

    @Test
    void the_owning_project_searches_its_observations_by_patient_code_date_and_identifier() throws Exception {
        String patient = "patient=Patient/" + stored.patient().value();
        String heartRate = observationOf(pulse);
        String daily = observationOf(steps);

        assertThat(found(get("/fhir/Observation?" + patient, KEY))).containsExactlyInAnyOrder(heartRate, daily);
        assertThat(found(get("/fhir/Observation?" + patient + "&code=http://loinc.org%7C8867-4", KEY)))
                .containsExactly(heartRate);
        assertThat(found(get(
                        "/fhir/Observation?" + patient + "&code=" + DataType.GATEWAY_SYSTEM + "%7Cdaily-steps", KEY)))
                .containsExactly(daily);
        assertThat(found(get(
                        "/fhir/Observation?" + patient + "&date=ge2026-11-02T07:00:00Z&date=lt2026-11-02T08:00:00Z",
                        KEY)))
                .containsExactly(heartRate);
        assertThat(found(get("/fhir/Observation?" + patient + "&date=lt2026-11-02T00:00:00Z", KEY)))
                .containsExactly(daily);
        assertThat(found(get("/fhir/Observation?" + patient + "&category=vital-signs", KEY)))
                .containsExactly(heartRate);
    }

    @Test
    void a_search_pages_by_count_and_offset_and_every_page_stays_in_the_project() throws Exception {
        Bundle first = bundle(
                get("/fhir/Observation?patient=Patient/" + stored.patient().value() + "&_count=1&_sort=date", KEY));

        assertThat(first.getEntry()).hasSize(1);
        assertThat(first.getTotal()).isEqualTo(2);
        String next = first.getLink(Bundle.LINK_NEXT).getUrl();
        assertThat(next).contains("_offset=1").doesNotContain("_getpages");
        URI nextPage = URI.create(next);
        Bundle second = bundle(get(nextPage.getRawPath() + "?" + nextPage.getRawQuery(), KEY));
        assertThat(second.getEntry()).hasSize(1);
        assertThat(List.of(
                        first.getEntryFirstRep().getResource().getIdElement().getIdPart(),
                        second.getEntryFirstRep().getResource().getIdElement().getIdPart()))
                .containsExactlyInAnyOrder(
                        new IdType(observationOf(pulse)).getIdPart(), new IdType(observationOf(steps)).getIdPart());
        assertThat(found(get(nextPage.getRawPath() + "?" + nextPage.getRawQuery(), OTHER_KEY)))
                .as("the other project's key, on the same link, finds the other project's only")
                .doesNotContain(observationOf(pulse), observationOf(steps));
    }

    @Test
    void the_owning_project_reads_its_observation_and_its_device() throws Exception {
        HttpResponse<String> observation = get("/fhir/" + observationOf(pulse), KEY);
        assertThat(observation.statusCode()).as(observation.body()).isEqualTo(200);
        Observation read =
                FhirContext.forR4Cached().newJsonParser().parseResource(Observation.class, observation.body());
        assertThat(read.getValueQuantity().getValue()).isEqualByComparingTo("64");
        String device = read.getDevice().getReference();

        HttpResponse<String> deviceRead = get("/fhir/" + device, KEY);

        assertThat(deviceRead.statusCode()).as(deviceRead.body()).isEqualTo(200);
        assertThat(found(get("/fhir/Device?patient=Patient/" + stored.patient().value(), KEY)))
                .containsExactly(device);
        assertThat(found(
                        get("/fhir/Device?identifier=" + DraftMapping.DEVICE_SYSTEM + "%7C" + stored.canonical(), KEY)))
                .containsExactly(device);
    }

    @Test
    void another_projects_observation_and_device_are_404_exactly_like_missing_ones() throws Exception {
        String theirs = othersObservation();
        String theirDevice = FhirContext.forR4Cached()
                .newJsonParser()
                .parseResource(
                        Observation.class, get("/fhir/" + theirs, OTHER_KEY).body())
                .getDevice()
                .getReference();

        for (String resource : List.of(theirs, theirDevice)) {
            String type = resource.substring(0, resource.indexOf('/'));
            HttpResponse<String> foreign = get("/fhir/" + resource, KEY);
            HttpResponse<String> missing = get("/fhir/" + type + "/999999999", KEY);

            assertOperationOutcome(foreign, 404, resource);
            assertThat(foreign.body().replace(resource, type + "/X"))
                    .isEqualTo(missing.body().replace(type + "/999999999", type + "/X"));
            assertThat(get("/fhir/" + resource + "/_history/1", KEY).statusCode())
                    .isEqualTo(404);
        }
        assertThat(found(get(
                        "/fhir/Observation?patient=Patient/" + stored.patient().value(), KEY)))
                .doesNotContain(theirs);
        assertThat(found(get("/fhir/Device?patient=Patient/" + stored.patient().value(), KEY)))
                .doesNotContain(theirDevice);
        assertThat(found(get(
                        "/fhir/Observation?identifier=" + ObservationDraft.IDENTIFIER_SYSTEM + "%7C"
                                + pulse.identifier(),
                        OTHER_KEY)))
                .isEmpty();
    }

    @Test
    void without_a_key_it_is_401_as_an_operation_outcome_and_one_info_line() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> answer = get("/fhir/Endpoint/1", null);

            assertOperationOutcome(answer, 401, ProjectAuthentication.REFUSED);
            assertOneInfoLine(log, "401 GET /fhir/Endpoint/1: " + ProjectAuthentication.REFUSED);
        }
    }

    @Test
    void an_unknown_key_is_401_before_anything_is_routed() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> unknownType = get("/fhir/Patient/1", "not-a-key");
            HttpResponse<String> metadata = get("/fhir/metadata", null);

            assertOperationOutcome(unknownType, 401, ProjectAuthentication.REFUSED);
            assertOperationOutcome(metadata, 401, ProjectAuthentication.REFUSED);
            assertThat(log.records())
                    .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                    .isEmpty();
        }
    }

    @Test
    void a_refused_key_is_audited_by_its_id_only_and_a_missing_one_as_missing_without_a_project() throws Exception {
        String refusedKey = "wk_refused_" + java.util.UUID.randomUUID();
        AUDITED.clear();

        get("/fhir/AuditEvent", refusedKey);
        get("/fhir/AuditEvent", null);

        assertThat(AUDITED).hasSize(2).allSatisfy(record -> {
            assertThat(record.action()).isEqualTo(health.wearables.domain.audit.AuditAction.API_KEY_REFUSED);
            assertThat(record.project()).isEmpty();
            assertThat(record.toString()).doesNotContain(refusedKey);
        });
        assertThat(AUDITED.get(0).apiKeyId()).contains(ApiKeyId.of(new ApiKey(refusedKey)));
        assertThat(AUDITED.get(0).detail()).isEqualTo("unknown-key");
        assertThat(AUDITED.get(1).apiKeyId()).isEmpty();
        assertThat(AUDITED.get(1).detail()).isEqualTo("missing-key");
    }

    @Test
    void another_projects_endpoint_is_404_like_a_missing_one_and_one_info_line() throws Exception {
        String id = endpointId();
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> answer = get("/fhir/Endpoint/" + id, OTHER_KEY);

            assertOperationOutcome(answer, 404, "Endpoint/" + id);
            assertOneInfoLine(log, "404 GET /fhir/Endpoint/" + id + ": ");
        }
    }

    @Test
    void an_unknown_resource_is_404_and_one_info_line() throws Exception {
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> missing = get("/fhir/Endpoint/999999999", KEY);

            assertOperationOutcome(missing, 404, "Endpoint/999999999");
            assertOneInfoLine(log, "404 GET /fhir/Endpoint/999999999: ");
        }
        try (LogCapture log = new LogCapture()) {
            HttpResponse<String> unknownType = get("/fhir/Patient/1", KEY);

            assertOperationOutcome(unknownType, 404, "Patient");
            assertOneInfoLine(log, "404 GET /fhir/Patient/1: ");
        }
    }

    /**
     * The sync state of a connection ({@link FhirSyncPoints}, a {@code Basic}) is served to no project: {@code Basic}
     * is no resource type of {@code /fhir}, for the owning project's key as for another's, and no search of what
     * {@code /fhir} serves brings it along.
     */
    @Test
    void the_sync_state_is_served_to_no_project_not_even_the_owning_one() throws Exception {
        FhirSyncPoints points = new FhirSyncPoints(SharedFhirStore.get());
        points.record(
                stored,
                new SyncPoint(
                        Optional.of(Instant.parse("2026-11-02T07:30:00Z")),
                        Instant.parse("2026-11-02T07:31:00Z"),
                        Outcome.OK));
        String state = points.stateOf(stored).orElseThrow().getIdElement().getIdPart();
        String endpoint = endpointId();

        for (String key : List.of(KEY, OTHER_KEY)) {
            for (String path : List.of(
                    "/fhir/Basic?identifier=" + FhirSyncPoints.STATE_SYSTEM + "%7C" + stored.canonical(),
                    "/fhir/Basic?subject=Endpoint/" + endpoint,
                    "/fhir/Basic",
                    "/fhir/Basic/" + state,
                    "/fhir/Basic/" + state + "/_history")) {
                HttpResponse<String> answer = get(path, key);

                assertOperationOutcome(answer, 404, "Basic");
                assertThat(answer.body()).doesNotContain(FhirSyncPoints.EXT_LAST_OUTCOME);
            }
            for (String path : List.of(
                    "/fhir/Endpoint?_revinclude=Basic:subject",
                    "/fhir/Endpoint?_revinclude=*",
                    "/fhir/Endpoint?_id=" + endpoint + "&_revinclude=Basic:subject",
                    "/fhir/Device?_revinclude=*",
                    "/fhir/Observation?_include=*&_revinclude=*")) {
                HttpResponse<String> answer = get(path, key);

                assertThat(answer.statusCode()).as(path).isEqualTo(400);
                assertThat(answer.body())
                        .as(path)
                        .startsWith("{\"resourceType\":\"OperationOutcome\"")
                        .contains("_revinclude")
                        .doesNotContain(FhirSyncPoints.EXT_LAST_OUTCOME);
            }
            for (String path : List.of(
                    "/fhir/Endpoint",
                    "/fhir/Endpoint?identifier=" + EndpointMapping.CONNECTION_SYSTEM + "%7C" + stored.canonical(),
                    "/fhir/Device?patient=Patient/" + stored.patient().value(),
                    "/fhir/Observation?patient=Patient/" + stored.patient().value())) {
                assertThat(found(get(path, key))).as(path).noneMatch(resource -> resource.startsWith("Basic/"));
            }
        }
    }

    /**
     * The store has HAPI's expunge enabled, for the connection store's own expunge of superseded Endpoint versions:
     * {@code /fhir} still has no {@code $expunge} (nor any other write), at any level, even for the owning project.
     */
    @Test
    void expunge_is_no_operation_of_fhir_not_even_for_the_owning_project() throws Exception {
        String id = endpointId();
        String parameters = "{\"resourceType\":\"Parameters\",\"parameter\":["
                + "{\"name\":\"expungeOldVersions\",\"valueBoolean\":true},"
                + "{\"name\":\"expungeDeletedResources\",\"valueBoolean\":true},"
                + "{\"name\":\"expungeEverything\",\"valueBoolean\":true}]}";

        for (String path : List.of("/fhir/Endpoint/" + id + "/$expunge", "/fhir/Endpoint/$expunge", "/fhir/$expunge")) {
            HttpResponse<String> answer = post(path, KEY, parameters);

            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isBetween(400, 499);
            assertThat(answer.body())
                    .contains("\"resourceType\":\"OperationOutcome\"", "does not know how to handle POST operation");
        }
        HttpResponse<String> read = get("/fhir/Endpoint/" + id, KEY);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    }

    @Test
    void a_failure_of_the_server_is_left_to_hap_is_error_handling() {
        ProjectFhirServlet.RoutineRefusals refusals = new ProjectFhirServlet.RoutineRefusals();

        assertThat(refusals.refused(null, null, new InternalErrorException("disk full")))
                .isNull();
        assertThat(refusals.refused(null, null, new IllegalStateException("bug")))
                .isNull();
    }

    @Test
    void what_a_refusal_logs_stays_on_one_bounded_line() {
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable("a\nb\rc\td")).isEqualTo("a?b?c?d");
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable("x".repeat(1000)))
                .hasSize(301);
        assertThat(ProjectFhirServlet.RoutineRefusals.loggable(null)).isEmpty();
    }

    @Test
    void the_owning_project_reads_and_searches_its_audit_trail_by_patient_subtype_and_date() throws Exception {
        String patient = "patient=Patient/" + stored.patient().value();

        List<String> all = found(get("/fhir/AuditEvent?" + patient + "&_sort=date", KEY));
        List<String> callbacks = found(get(
                "/fhir/AuditEvent?" + patient + "&subtype=" + AuditEventMapping.ACTION_SYSTEM + "%7Ccallback-completed",
                KEY));
        List<String> onTheThird = found(get("/fhir/AuditEvent?" + patient + "&date=ge2026-11-03", KEY));
        Bundle everything = bundle(get("/fhir/AuditEvent?_count=1", KEY));

        assertThat(all).hasSize(2);
        assertThat(callbacks).containsExactly(all.get(0));
        assertThat(onTheThird).containsExactly(all.get(1));
        assertThat(everything.getTotal()).isEqualTo(2);
        assertThat(everything.getEntry()).hasSize(1);
        HttpResponse<String> read = get("/fhir/" + all.get(0), KEY);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("callback-completed").contains("Endpoint/77");
    }

    @Test
    void another_projects_audit_event_is_404_like_a_missing_one_and_a_refused_key_is_seen_by_no_project()
            throws Exception {
        List<String> theirs = found(get("/fhir/AuditEvent", OTHER_KEY));
        assertThat(theirs).hasSize(1);

        HttpResponse<String> foreign = get("/fhir/" + theirs.get(0), KEY);
        HttpResponse<String> missing = get("/fhir/AuditEvent/999999999", KEY);

        assertOperationOutcome(foreign, 404, theirs.get(0));
        assertThat(foreign.body().replace(theirs.get(0), "AuditEvent/X"))
                .isEqualTo(missing.body().replace("AuditEvent/999999999", "AuditEvent/X"));
        assertThat(found(get("/fhir/AuditEvent", KEY))).doesNotContain(theirs.get(0));
        for (String key : List.of(KEY, OTHER_KEY)) {
            assertThat(get("/fhir/AuditEvent", key).body()).doesNotContain("api-key-refused");
        }
    }

    private static void assertOperationOutcome(HttpResponse<String> answer, int status, String diagnostics) {
        FhirServletHarness.assertOperationOutcome(answer, status, "processing", diagnostics);
    }

    /** The request left exactly one line, at INFO, saying what was refused; nothing at WARN or above, no trace. */
    private static void assertOneInfoLine(LogCapture log, String refusal) {
        List<LogRecord> records = log.records();
        assertThat(records)
                .as(String.join("", log.lines()))
                .filteredOn(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .isEmpty();
        assertThat(records)
                .as(String.join("", log.lines()))
                .filteredOn(record -> record.getThrown() != null)
                .isEmpty();
        assertThat(log.lines())
                .as(String.join("", log.lines()))
                .filteredOn(line -> line.contains("FHIR request refused"))
                .singleElement()
                .satisfies(line -> assertThat(line).contains("INFO").contains(refusal));
        assertThat(String.join("", log.lines())).doesNotContain("\tat ");
    }
}
