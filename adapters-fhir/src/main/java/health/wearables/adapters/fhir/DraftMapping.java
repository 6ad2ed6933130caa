package health.wearables.adapters.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.ParameterUtil;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.sync.Category;
import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.ObservationDraft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * A connection's data as FHIR R4 resources: the connection's wearable as one {@link Device}, and each draft as an
 * {@link Observation} of the connection's patient, made by that Device. Both are tagged with the project exactly as
 * the Endpoint is. A vital sign claims the R4 vital-signs profile (and the profile of its own kind where R4 has one),
 * and is shaped to conform: the {@code vital-signs} category coding, a LOINC code (and the one more code the SpO2
 * profile insists on), a UCUM quantity with a unit text.
 *
 * <p>The same draft always maps to the same resource, to the byte: nothing here reads a clock, so a page written again
 * is an update HAPI recognises as no change and skips.
 */
final class DraftMapping {
    static final String DEVICE_SYSTEM = EndpointMapping.BASE + "NamingSystem/device";
    static final String DEVICE_TYPE_SYSTEM = EndpointMapping.BASE + "CodeSystem/device-type";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";
    /** The LOINC code R4's oxygen saturation profile requires of every SpO2 Observation, pulse oximetry or not. */
    static final String SPO2_VITAL_SIGN = "2708-6";

    private static final String PROFILES = "http://hl7.org/fhir/StructureDefinition/";

    private DraftMapping() {}

    /** The conditional URL that finds the connection's Device. */
    static String deviceSearch(ConnectionKey connection) {
        return "Device?identifier=" + DEVICE_SYSTEM + "|" + ParameterUtil.escapeAndUrlEncode(connection.canonical());
    }

    /** The conditional URL that finds the Observation of a draft (its value escaped, should it hold a comma). */
    static String observationSearch(ObservationDraft draft) {
        return "Observation?identifier=" + ObservationDraft.IDENTIFIER_SYSTEM + "|"
                + ParameterUtil.escapeAndUrlEncode(draft.identifier());
    }

    /**
     * The connection's wearable as a data source: the provider's account of the patient, not a particular gadget.
     * Identified by the connection, and, like the Endpoint, by project and patient: the index a search by patient
     * uses.
     */
    static Device toDevice(ConnectionKey connection, String providerName) {
        Device device = new Device();
        device.getMeta()
                .addTag(EndpointMapping.PROJECT_TAG_SYSTEM, connection.project().value(), null);
        device.addIdentifier(new Identifier().setSystem(DEVICE_SYSTEM).setValue(connection.canonical()));
        device.addIdentifier(new Identifier()
                .setSystem(EndpointMapping.PROJECT_PATIENT_SYSTEM)
                .setValue(connection.project().value() + "/"
                        + connection.patient().value()));
        device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
        device.setManufacturer(providerName);
        device.addDeviceName().setName(providerName + " wearable").setType(Device.DeviceNameType.USERFRIENDLYNAME);
        device.setType(new CodeableConcept(new Coding(
                        DEVICE_TYPE_SYSTEM, "wearable-provider-account", "Wearable, read through its provider's API"))
                .setText(providerName + " wearable"));
        device.setPatient(patient(connection));
        return device;
    }

    static Observation toObservation(ObservationDraft draft, Reference device) {
        DataType type = draft.type();
        Observation observation = new Observation();
        observation
                .getMeta()
                .addTag(
                        EndpointMapping.PROJECT_TAG_SYSTEM,
                        draft.connection().project().value(),
                        null);
        profiles(type).forEach(observation.getMeta()::addProfile);
        observation.addIdentifier(
                new Identifier().setSystem(ObservationDraft.IDENTIFIER_SYSTEM).setValue(draft.identifier()));
        observation.setStatus(Observation.ObservationStatus.FINAL);
        Category category = type.category();
        observation.addCategory(new CodeableConcept(new Coding(Category.SYSTEM, category.code(), category.display())));
        CodeableConcept code = new CodeableConcept().setText(type.display());
        type.loinc().ifPresent(loinc -> code.addCoding(new Coding(LOINC, loinc, type.display())));
        if (type == DataType.OXYGEN_SATURATION) {
            // R4's oxygensat profile requires this code beside the pulse-oximetry one ("magic" code)
            code.addCoding(new Coding(LOINC, SPO2_VITAL_SIGN, "Oxygen saturation in Arterial blood"));
        }
        code.addCoding(new Coding(DataType.GATEWAY_SYSTEM, type.gatewayCode(), type.display()));
        observation.setCode(code);
        observation.setSubject(patient(draft.connection()));
        observation.setDevice(device);
        observation.setEffective(draft.effective()
                .fold(
                        at -> dateTime(at.instant()),
                        between -> new Period()
                                .setStartElement(dateTime(between.start()))
                                .setEndElement(dateTime(between.end()))));
        observation.setValue(new Quantity()
                .setValue(decimal(draft.value()))
                .setUnit(unitText(type))
                .setSystem(UCUM)
                .setCode(type.ucum()));
        return observation;
    }

    /**
     * The R4 profiles a kind claims: the vital-signs profile for every vital sign (RMSSD too: the profile binds the
     * code extensibly, so a code of the gateway's own is allowed where LOINC has none), and the profile of its own kind
     * where R4 defines one (heart rate, body weight, BMI, SpO2, respiratory rate, body temperature).
     */
    static List<String> profiles(DataType type) {
        if (type.category() != Category.VITAL_SIGNS) {
            return List.of();
        }
        return own(type)
                .map(own -> List.of(VITAL_SIGNS_PROFILE, PROFILES + own))
                .orElse(List.of(VITAL_SIGNS_PROFILE));
    }

    private static Optional<String> own(DataType type) {
        return Optional.ofNullable(
                switch (type) {
                    case HEART_RATE -> "heartrate";
                    case BODY_WEIGHT -> "bodyweight";
                    case BODY_MASS_INDEX -> "bmi";
                    case OXYGEN_SATURATION -> "oxygensat";
                    case RESPIRATORY_RATE -> "resprate";
                    case BODY_TEMPERATURE -> "bodytemp";
                    case STEPS,
                            DAILY_STEPS,
                            RESTING_HEART_RATE,
                            HEART_RATE_VARIABILITY_SDNN,
                            HEART_RATE_VARIABILITY_RMSSD,
                            BODY_FAT,
                            SLEEP_DURATION,
                            DEEP_SLEEP,
                            LIGHT_SLEEP,
                            REM_SLEEP,
                            ACTIVE_ENERGY,
                            GLUCOSE -> null;
                });
    }

    /** The unit as a person reads it; the UCUM code beside it is what machines read. */
    static String unitText(DataType type) {
        return switch (type) {
            case STEPS, DAILY_STEPS -> "steps";
            case HEART_RATE, RESTING_HEART_RATE -> "beats/minute";
            case RESPIRATORY_RATE -> "breaths/minute";
            case HEART_RATE_VARIABILITY_SDNN, HEART_RATE_VARIABILITY_RMSSD -> "ms";
            case BODY_WEIGHT -> "kg";
            case BODY_MASS_INDEX -> "kg/m2";
            case BODY_FAT, OXYGEN_SATURATION -> "%";
            case BODY_TEMPERATURE -> "°C";
            case SLEEP_DURATION, DEEP_SLEEP, LIGHT_SLEEP, REM_SLEEP -> "min";
            case ACTIVE_ENERGY -> "kcal";
            case GLUCOSE -> "mg/dL";
        };
    }

    private static Reference patient(ConnectionKey connection) {
        return new Reference("Patient/" + connection.patient().value());
    }

    /** An instant in UTC, to the second, or to the millisecond when it has one (FHIR's precision ends there). */
    private static DateTimeType dateTime(Instant instant) {
        TemporalPrecisionEnum precision =
                instant.truncatedTo(ChronoUnit.SECONDS).equals(instant)
                        ? TemporalPrecisionEnum.SECOND
                        : TemporalPrecisionEnum.MILLI;
        return new DateTimeType(Date.from(instant), precision, TimeZone.getTimeZone("UTC"));
    }

    /** The shortest plain decimal of the value: {@code 8000} steps, not {@code 8000.0} or {@code 8E+3}. */
    static BigDecimal decimal(double value) {
        return new BigDecimal(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
}
