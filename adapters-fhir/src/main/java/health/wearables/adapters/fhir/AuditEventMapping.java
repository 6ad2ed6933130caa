package health.wearables.adapters.fhir;

import health.wearables.domain.audit.AuditAction;
import health.wearables.domain.audit.AuditOutcome;
import health.wearables.domain.audit.AuditRecord;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * An {@link AuditRecord} as an R4 {@code AuditEvent}: {@code type} DICOM's Application Activity, {@code subtype} the
 * gateway's own action code, {@code action} C/U/D/E, {@code outcome} 0 (success), 4 (refused: a minor failure) or 8
 * (failed: a serious one) with the gateway's detail code as {@code outcomeDesc}; the project as the requesting agent
 * (its API key's id as {@code altId}, never the key), or the gateway itself where nobody's key started the operation;
 * the Patient, the Endpoint and the provider as entities; the project's meta tag, the same as its Endpoints', so that
 * {@code /fhir} shows it to that project only, and a second tag for the project's patient, the same as the Endpoint's
 * identifier ({@code <project>/<patient>}), by which {@code patient} is searched: the store holds no Patient, so
 * HAPI finds no reference to one. A refused API key names no project and has no tag.
 */
final class AuditEventMapping {
    static final String ACTION_SYSTEM = EndpointMapping.BASE + "CodeSystem/audit-action";
    static final String PROJECT_SYSTEM = EndpointMapping.BASE + "NamingSystem/project";
    static final String PROVIDER_SYSTEM = EndpointMapping.BASE + "NamingSystem/provider";
    static final String GATEWAY = "wearables-gateway";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    private static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

    private static final Map<AuditAction, AuditEventAction> ACTIONS = new EnumMap<>(AuditAction.class);

    static {
        ACTIONS.put(AuditAction.CONNECT_STARTED, AuditEventAction.E);
        ACTIONS.put(AuditAction.CONNECT_REFUSED, AuditEventAction.E);
        ACTIONS.put(AuditAction.CALLBACK_COMPLETED, AuditEventAction.C);
        ACTIONS.put(AuditAction.CALLBACK_REFUSED, AuditEventAction.E);
        ACTIONS.put(AuditAction.TOKEN_REFRESHED, AuditEventAction.U);
        ACTIONS.put(AuditAction.REFRESH_REFUSED, AuditEventAction.U);
        ACTIONS.put(AuditAction.REVOKED, AuditEventAction.D);
        ACTIONS.put(AuditAction.DEAUTHORIZED, AuditEventAction.D);
        ACTIONS.put(AuditAction.SYNC_REQUESTED, AuditEventAction.E);
        ACTIONS.put(AuditAction.API_KEY_REFUSED, AuditEventAction.E);
    }

    private static final Map<AuditOutcome, AuditEventOutcome> OUTCOMES = new EnumMap<>(Map.of(
            AuditOutcome.SUCCESS, AuditEventOutcome._0,
            AuditOutcome.REFUSED, AuditEventOutcome._4,
            AuditOutcome.FAILED, AuditEventOutcome._8));

    private AuditEventMapping() {}

    static AuditEvent of(AuditRecord record) {
        AuditEvent event = new AuditEvent();
        record.project().ifPresent(project -> {
            event.getMeta().addTag(EndpointMapping.PROJECT_TAG_SYSTEM, project.value(), null);
            record.patient()
                    .ifPresent(patient -> event.getMeta()
                            .addTag(
                                    EndpointMapping.PROJECT_PATIENT_SYSTEM,
                                    project.value() + "/" + patient.value(),
                                    null));
        });
        event.setType(new Coding(DICOM, "110100", "Application Activity"));
        event.addSubtype(new Coding(ACTION_SYSTEM, record.action().code(), null));
        event.setAction(ACTIONS.get(record.action()));
        event.setRecorded(Date.from(record.recorded()));
        event.setOutcome(OUTCOMES.get(record.outcome()));
        event.setOutcomeDesc(record.detail());

        boolean byKey = record.apiKeyId().isPresent() || record.project().isEmpty();
        if (record.project().isPresent() || record.apiKeyId().isPresent()) {
            AuditEventAgentComponent caller = event.addAgent().setRequestor(byKey);
            record.project()
                    .ifPresent(project -> caller.setWho(new Reference()
                            .setIdentifier(
                                    new Identifier().setSystem(PROJECT_SYSTEM).setValue(project.value()))
                            .setDisplay("project " + project.value())));
            record.apiKeyId().ifPresent(key -> caller.setAltId(key.value()));
        }
        if (!byKey) {
            event.addAgent().setRequestor(true).setWho(new Reference().setDisplay(GATEWAY));
        }
        if (record.project().isEmpty() && record.apiKeyId().isEmpty()) {
            event.addAgent().setRequestor(true).setName("unidentified caller");
        }

        event.getSource()
                .setObserver(new Reference().setDisplay(GATEWAY))
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));

        record.patient()
                .ifPresent(patient -> event.addEntity()
                        .setWhat(new Reference("Patient/" + patient.value()))
                        .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                        .setRole(new Coding(OBJECT_ROLE, "1", "Patient")));
        record.endpointId()
                .ifPresent(endpoint -> event.addEntity()
                        .setWhat(new Reference("Endpoint/" + endpoint))
                        .setType(new Coding(ENTITY_TYPE, "2", "System Object")));
        record.provider().ifPresent(provider -> {
            AuditEventEntityComponent entity = event.addEntity()
                    .setWhat(new Reference()
                            .setIdentifier(
                                    new Identifier().setSystem(PROVIDER_SYSTEM).setValue(provider.value())))
                    .setType(new Coding(ENTITY_TYPE, "2", "System Object"));
            entity.setName(provider.value());
        });
        return event;
    }
}
