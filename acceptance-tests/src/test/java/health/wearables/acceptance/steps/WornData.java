package health.wearables.acceptance.steps;

import health.wearables.adapters.rest.out.provider.data.simulator.DataSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.DexcomSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.GoogleHealthSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.OuraSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WhoopSimulator;
import health.wearables.adapters.rest.out.provider.data.simulator.WithingsSimulator;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a patient's wearable recorded at its vendor: a record a day (a night, a weigh-in, a few glucose readings) for
 * the last days asked for (a record on each whole day before today), and one record {@value #OLD_DAYS} days old, outside the first sync's 30 days. Each
 * vendor's records are in its own documented shapes; {@link #seed} answers which Observations the first sync must
 * write: how many of each code (a LOINC code, or the gateway's own where LOINC has none).
 */
final class WornData {
    static final int OLD_DAYS = 45;
    static final int GLUCOSE_READINGS_A_DAY = 4;
    /** The gateway's own code of RMSSD heart-rate variability, which has no LOINC code. */
    static final String RMSSD = "heart-rate-variability-rmssd";

    private WornData() {}

    /**
     * The Oura day in progress at {@code now}: an Oura day starts at 4 a.m. local time (here UTC), so until 4 a.m. it is
     * still the day before, and the gateway writes no day before it has ended (seen between midnight and 4 a.m. UTC).
     */
    static LocalDate ouraToday(Instant now) {
        return LocalDate.ofInstant(now.minus(Duration.ofHours(4)), ZoneOffset.UTC);
    }

    /** Puts the records in the vendor's simulator; answers the Observations they make, by code. */
    static Map<String, Integer> seed(String slug, DataSimulator simulator, Instant now, int lastDays) {
        return seed(slug, simulator, now, lastDays, 0);
    }

    /** The same, with yesterday's steps counted {@code revisedSteps} higher (Oura only): a record the vendor revised. */
    static Map<String, Integer> seed(
            String slug, DataSimulator simulator, Instant now, int lastDays, int revisedSteps) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        int days = lastDays - 1; // whole days before today, all within the last lastDays days
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        switch (slug) {
            case "oura" -> {
                OuraSimulator oura = (OuraSimulator) simulator;
                for (int back = 1; back <= days; back++) {
                    LocalDate day = ouraToday(now).minusDays(back);
                    oura.dailyActivity(
                            day,
                            day.atTime(4, 0).atOffset(ZoneOffset.UTC),
                            stepsOn(back) + (back == 1 ? revisedSteps : 0),
                            300 + back);
                    oura.heartRate(day.atTime(12, 0).toInstant(ZoneOffset.UTC), 60 + back % 20);
                    oura.sleep(
                            "sleep-" + day,
                            "long_sleep",
                            day.minusDays(1).atTime(23, 0).atOffset(ZoneOffset.UTC),
                            day.atTime(7, 0).atOffset(ZoneOffset.UTC),
                            25_200,
                            5_400,
                            14_400,
                            5_400,
                            40 + back % 10,
                            50 + back % 5);
                }
                oura.heartRate(now.minus(Duration.ofDays(OLD_DAYS)), 61);
                put(expected, days, "41950-7", "41981-2", "8867-4", "93832-4", "93831-6", "93830-8", "93829-0");
                put(expected, days, "40443-4", RMSSD);
            }
            case "withings" -> {
                WithingsSimulator withings = (WithingsSimulator) simulator;
                for (int back = 1; back <= days; back++) {
                    LocalDate day = today.minusDays(back);
                    withings.measureGroup(
                            1_000 + back,
                            day.atTime(7, 30).toInstant(ZoneOffset.UTC),
                            new WithingsSimulator.Measure(1, 72_500 - 20 * back, -3),
                            new WithingsSimulator.Measure(6, 215 + back % 7, -1));
                    withings.activity(day, "Europe/Paris", 8_000 + 41 * back);
                    withings.night(
                            2_000 + back,
                            day.minusDays(1).atTime(22, 30).toInstant(ZoneOffset.UTC),
                            day.atTime(6, 30).toInstant(ZoneOffset.UTC),
                            day,
                            25_200,
                            5_400,
                            14_400,
                            5_400);
                }
                withings.measureGroup(
                        999, now.minus(Duration.ofDays(OLD_DAYS)), new WithingsSimulator.Measure(1, 74_000, -3));
                put(expected, days, "29463-7", "41982-0", "41950-7", "93832-4", "93831-6", "93830-8", "93829-0");
            }
            case "whoop" -> {
                WhoopSimulator whoop = (WhoopSimulator) simulator;
                for (int back = 1; back <= days; back++) {
                    LocalDate day = today.minusDays(back);
                    whoop.recovery(
                            10_000 + back, day.atTime(8, 0).toInstant(ZoneOffset.UTC), 52 + back % 6, 45.5, null);
                    // from midnight: WHOOP's start filter is an instant, and a night begun the evening before
                    // would, for its oldest day, fall before the 30 days whenever the sync runs after that hour
                    whoop.sleep(
                            "sleep-" + day,
                            day.atStartOfDay().toInstant(ZoneOffset.UTC),
                            day.atTime(8, 0).toInstant(ZoneOffset.UTC),
                            14_400_000,
                            5_400_000,
                            5_400_000);
                }
                whoop.recovery(9_999, now.minus(Duration.ofDays(OLD_DAYS)), 55, 44.0, null);
                whoop.body(81.3);
                put(expected, days, "40443-4", RMSSD, "93832-4", "93831-6", "93830-8", "93829-0");
                put(expected, 1, "29463-7");
            }
            case "dexcom" -> {
                DexcomSimulator dexcom = (DexcomSimulator) simulator;
                for (int back = 1; back <= days; back++) {
                    LocalDate day = today.minusDays(back);
                    for (int reading = 0; reading < GLUCOSE_READINGS_A_DAY; reading++) {
                        dexcom.egv(
                                "egv-" + day + "-" + reading,
                                day.atTime(6 * reading + 1, 0).toInstant(ZoneOffset.UTC),
                                95 + 7 * reading + back % 5,
                                "mg/dL");
                    }
                }
                dexcom.egv("egv-old", now.minus(Duration.ofDays(OLD_DAYS)), 101, "mg/dL");
                put(expected, days * GLUCOSE_READINGS_A_DAY, "99504-3");
            }
            case "google-health" -> {
                GoogleHealthSimulator google = (GoogleHealthSimulator) simulator;
                for (int back = 1; back <= days; back++) {
                    LocalDate day = today.minusDays(back);
                    Instant morning = day.atTime(9, 0).toInstant(ZoneOffset.UTC);
                    google.steps(morning, morning.plus(Duration.ofHours(1)), 1_200 + back);
                    google.heartRate(day.atTime(12, 0).toInstant(ZoneOffset.UTC), 64 + back % 9);
                    google.weight("weight-" + day, day.atTime(7, 0).toInstant(ZoneOffset.UTC), 70_100 - 10 * back);
                }
                google.heartRate(now.minus(Duration.ofDays(OLD_DAYS)), 66);
                put(expected, days, "55423-8", "8867-4", "29463-7");
            }
            default -> throw new IllegalArgumentException("no worn data for " + slug);
        }
        return expected;
    }

    /** Oura's daily steps of a day {@code back} days before today. */
    static int stepsOn(int back) {
        return 7_000 + 37 * back;
    }

    private static void put(Map<String, Integer> expected, int count, String... codes) {
        for (String code : codes) {
            expected.put(code, count);
        }
    }
}
