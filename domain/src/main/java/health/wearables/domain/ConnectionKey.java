package health.wearables.domain;

/** One connection exists per project, patient and provider; a reconnect updates it. */
public record ConnectionKey(ProjectId project, PatientId patient, ProviderSlug provider) {
    /** A stable text form, also the associated data that binds a ciphertext to this connection. */
    public String canonical() {
        return project.value() + "/" + patient.value() + "/" + provider.value();
    }
}
