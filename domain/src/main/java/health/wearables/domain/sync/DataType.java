package health.wearables.domain.sync;

import java.util.Optional;

/**
 * The kinds of wearable data the gateway writes, each with its LOINC code, UCUM unit, category, the shape of its time
 * (a point or an interval) and the range of values a body can plausibly have. The table is the domain's: every
 * provider client reads its own JSON into these kinds, and nothing else decides how a kind becomes an Observation.
 *
 * <p>Heart rate variability comes in two measures that are not interchangeable: SDNN has a LOINC code, RMSSD (what
 * Oura and WHOOP report) has none, so an RMSSD value carries only the gateway's own code and is never written as SDNN.
 */
public enum DataType {
    STEPS(
            "55423-8",
            "Number of steps in unspecified time Pedometer",
            "{steps}",
            Category.ACTIVITY,
            Timing.INTERVAL,
            0,
            100_000),
    DAILY_STEPS(
            "41950-7",
            "Number of steps in 24 hour Measured",
            "{steps}",
            Category.ACTIVITY,
            Timing.INTERVAL,
            0,
            150_000),
    HEART_RATE("8867-4", "Heart rate", "/min", Category.VITAL_SIGNS, Timing.POINT, 20, 250),
    RESTING_HEART_RATE("40443-4", "Heart rate --resting", "/min", Category.VITAL_SIGNS, Timing.POINT, 20, 200),
    HEART_RATE_VARIABILITY_SDNN(
            "80404-7",
            "R-R interval.standard deviation (Heart rate variability)",
            "ms",
            Category.VITAL_SIGNS,
            Timing.POINT,
            1,
            500),
    HEART_RATE_VARIABILITY_RMSSD(
            null, "Heart rate variability, RMSSD", "ms", Category.VITAL_SIGNS, Timing.POINT, 1, 500),
    BODY_WEIGHT("29463-7", "Body weight", "kg", Category.VITAL_SIGNS, Timing.POINT, 0.5, 650),
    BODY_MASS_INDEX("39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", Category.VITAL_SIGNS, Timing.POINT, 5, 150),
    BODY_FAT("41982-0", "Percentage of body fat Measured", "%", Category.VITAL_SIGNS, Timing.POINT, 1, 80),
    OXYGEN_SATURATION(
            "59408-5",
            "Oxygen saturation in Arterial blood by Pulse oximetry",
            "%",
            Category.VITAL_SIGNS,
            Timing.POINT,
            50,
            100),
    RESPIRATORY_RATE("9279-1", "Respiratory rate", "/min", Category.VITAL_SIGNS, Timing.POINT, 2, 80),
    BODY_TEMPERATURE("8310-5", "Body temperature", "Cel", Category.VITAL_SIGNS, Timing.POINT, 25, 45),
    SLEEP_DURATION("93832-4", "Sleep duration", "min", Category.ACTIVITY, Timing.INTERVAL, 0, 1_440),
    DEEP_SLEEP("93831-6", "Deep sleep duration", "min", Category.ACTIVITY, Timing.INTERVAL, 0, 1_440),
    LIGHT_SLEEP("93830-8", "Light sleep duration", "min", Category.ACTIVITY, Timing.INTERVAL, 0, 1_440),
    REM_SLEEP("93829-0", "REM sleep duration", "min", Category.ACTIVITY, Timing.INTERVAL, 0, 1_440),
    ACTIVE_ENERGY("41981-2", "Calories burned", "kcal", Category.ACTIVITY, Timing.INTERVAL, 0, 20_000),
    GLUCOSE(
            "99504-3",
            "Glucose [Mass/volume] in Interstitial fluid",
            "mg/dL",
            Category.LABORATORY,
            Timing.POINT,
            20,
            600);

    /** The gateway's own code system: the code every kind carries, and the only one an RMSSD value carries. */
    public static final String GATEWAY_SYSTEM = "https://wearables.health/fhir/CodeSystem/data-type";

    /** Whether a value belongs to an instant or to a span of time (a day of steps, a night of sleep). */
    public enum Timing {
        POINT,
        INTERVAL
    }

    private final String loinc;
    private final String display;
    private final String ucum;
    private final Category category;
    private final Timing timing;
    private final double lowest;
    private final double highest;

    DataType(
            String loinc,
            String display,
            String ucum,
            Category category,
            Timing timing,
            double lowest,
            double highest) {
        this.loinc = loinc;
        this.display = display;
        this.ucum = ucum;
        this.category = category;
        this.timing = timing;
        this.lowest = lowest;
        this.highest = highest;
    }

    /** The LOINC code; empty for a measure LOINC has no code for (RMSSD). */
    public Optional<String> loinc() {
        return Optional.ofNullable(loinc);
    }

    public String display() {
        return display;
    }

    /** The UCUM unit the value is expressed in. */
    public String ucum() {
        return ucum;
    }

    public Category category() {
        return category;
    }

    public Timing timing() {
        return timing;
    }

    /** The gateway's own code for this kind: its name in kebab case, stable across releases. */
    public String gatewayCode() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether {@code value} is one a human body (or a day of one) can have; the bounds are inclusive. */
    public boolean plausible(double value) {
        return value >= lowest && value <= highest;
    }
}
