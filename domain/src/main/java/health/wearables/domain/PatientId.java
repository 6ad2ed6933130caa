package health.wearables.domain;

import java.util.regex.Pattern;

/** The platform's FHIR Patient id. */
public record PatientId(String value) {
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    public PatientId {
        Syntax.require(value, SYNTAX, 64, "patientId");
    }

    @Override
    public String toString() {
        return value;
    }
}
