package health.wearables.domain.sync;

/** Why a measurement is not written (hostile case 56): counted and logged by kind, never with the value. */
public enum Implausibility {
    /** NaN or infinite. */
    NOT_A_NUMBER,
    /** Outside the range a body can have for this kind (negative steps, a heart rate of 0 or 400). */
    OUT_OF_RANGE,
    /** Before 2000-01-01: no consumer wearable recorded it. */
    TOO_OLD,
    /** Later than now (with a small allowance for clocks): a device with a wrong clock, or a forged value. */
    IN_THE_FUTURE,
    /** An interval that ends before it starts, or a point given as an interval and the other way round. */
    MALFORMED_TIME
}
