package health.wearables.domain.sync;

/** The Observation category (HL7 observation-category code system) a kind of wearable data belongs to. */
public enum Category {
    ACTIVITY("activity", "Activity"),
    VITAL_SIGNS("vital-signs", "Vital Signs"),
    LABORATORY("laboratory", "Laboratory");

    public static final String SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

    private final String code;
    private final String display;

    Category(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }
}
