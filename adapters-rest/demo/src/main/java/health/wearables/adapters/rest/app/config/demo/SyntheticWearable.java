package health.wearables.adapters.rest.app.config.demo;

import health.wearables.domain.sync.DataType;
import health.wearables.domain.sync.Effective;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The demo provider's wearable: plausible synthetic data for any user, the same every time for the same user and day
 * (each day's values come from a random generator seeded by the user id and the day), so a re-sync finds the same
 * records. It holds the last {@link #HISTORY} days before now (UTC days): daily steps, heart rate every 5 minutes,
 * a night of sleep ending each morning (total, deep, light, REM and the night's resting heart rate) and a weigh-in
 * once a week; nothing that has not happened yet.
 */
final class SyntheticWearable {
    /** How far back the wearable has data. */
    static final int HISTORY = 30;

    static final Duration HEART_RATE_INTERVAL = Duration.ofMinutes(5);

    /** One synthetic record: the provider's id for it, its kind, its value in the kind's unit, when it holds. */
    record Observation(String id, DataType type, double value, Effective effective) {
        Observation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(effective, "effective");
        }
    }

    private SyntheticWearable() {}

    /**
     * Every observation of {@code user} that starts in {@code [start, end)} and has ended by {@code now}, in a stable
     * order (by start, then kind).
     */
    static List<Observation> observations(String user, Instant start, Instant end, Instant now) {
        return observations(user, start, end, now, HEART_RATE_INTERVAL);
    }

    /** The same, with a heart rate every {@code heartRateInterval} instead of every five minutes. */
    static List<Observation> observations(
            String user, Instant start, Instant end, Instant now, Duration heartRateInterval) {
        if (heartRateInterval.isNegative() || heartRateInterval.isZero()) {
            throw new IllegalArgumentException("a heart rate interval must be positive");
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Observation> observations = new ArrayList<>();
        for (LocalDate day = today.minusDays(HISTORY); !day.isAfter(today); day = day.plusDays(1)) {
            day(user, day, observations, heartRateInterval);
        }
        return observations.stream()
                .filter(observation -> !observation.effective().start().isBefore(start)
                        && observation.effective().start().isBefore(end)
                        && !observation.effective().end().isAfter(now))
                .sorted(Comparator.comparing((Observation observation) ->
                                observation.effective().start())
                        .thenComparing(Observation::type))
                .toList();
    }

    private static void day(String user, LocalDate day, List<Observation> into, Duration heartRateInterval) {
        SplittableRandom random = new SplittableRandom(seed(user, day));
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean weekend = day.getDayOfWeek().getValue() >= 6;
        into.add(new Observation(
                "steps/" + day,
                DataType.DAILY_STEPS,
                random.nextInt(weekend ? 3_000 : 5_000, weekend ? 11_000 : 13_000),
                Effective.between(midnight, midnight.plus(Duration.ofDays(1)))));

        int restingRate = 52 + Math.floorMod(seed(user, LocalDate.EPOCH), 14);
        for (Instant at = midnight; at.isBefore(midnight.plus(Duration.ofDays(1))); at = at.plus(heartRateInterval)) {
            int hour = at.atZone(ZoneOffset.UTC).getHour();
            int awake = hour >= 7 && hour < 23 ? 18 : 0;
            into.add(new Observation(
                    "heart-rate/" + at,
                    DataType.HEART_RATE,
                    restingRate + awake + random.nextInt(-4, 9),
                    Effective.at(at)));
        }

        Instant wake = midnight.plus(Duration.ofMinutes(6 * 60 + random.nextInt(0, 75)));
        Instant asleep = midnight.minus(Duration.ofMinutes(60 + random.nextInt(0, 90)));
        double total = asleep.until(wake, ChronoUnit.MINUTES) - random.nextInt(10, 40);
        double deep = Math.round(total * (0.15 + random.nextDouble(0.08)));
        double rem = Math.round(total * (0.18 + random.nextDouble(0.07)));
        Effective night = Effective.between(asleep, wake);
        String sleep = "sleep/" + day;
        into.add(new Observation(sleep, DataType.SLEEP_DURATION, total, night));
        into.add(new Observation(sleep, DataType.DEEP_SLEEP, deep, night));
        into.add(new Observation(sleep, DataType.LIGHT_SLEEP, total - deep - rem, night));
        into.add(new Observation(sleep, DataType.REM_SLEEP, rem, night));
        into.add(new Observation(
                sleep, DataType.RESTING_HEART_RATE, restingRate - 2 + random.nextInt(0, 5), Effective.at(wake)));

        if (day.toEpochDay() % 7 == 0) {
            double weight = 58 + Math.floorMod(seed(user, LocalDate.EPOCH) / 7, 35) + random.nextDouble(-0.6, 0.6);
            into.add(new Observation(
                    "weight/" + day,
                    DataType.BODY_WEIGHT,
                    Math.round(weight * 10) / 10.0,
                    Effective.at(wake.plus(Duration.ofMinutes(10)))));
        }
    }

    /** A seed from the user and the day, the same on every JVM ({@link String#hashCode()} is specified). */
    private static long seed(String user, LocalDate day) {
        return user.hashCode() * 0x9E3779B97F4A7C15L + day.toEpochDay();
    }
}
