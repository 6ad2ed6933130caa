package health.wearables.adapters.rest.app.config.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One of the dashboard's charts as numbers: a value per day (UTC) of a window of days, some days possibly without one.
 *
 * @param id       a short name for the chart's element ids ({@code steps})
 * @param title    what the chart shows ({@code Steps per day})
 * @param unit     the unit of the values, in words ({@code steps})
 * @param decimals how many decimals a value is shown with
 * @param from     the first day of the window
 * @param to       the last day of the window
 * @param values   the values by day, only of days of the window that have one
 */
record DailySeries(
        String id,
        String title,
        String unit,
        int decimals,
        LocalDate from,
        LocalDate to,
        Map<LocalDate, Double> values) {

    DailySeries {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a window ends before it starts");
        }
        TreeMap<LocalDate, Double> inWindow = new TreeMap<>();
        values.forEach((day, value) -> {
            if (!day.isBefore(from) && !day.isAfter(to)) {
                inWindow.put(day, value);
            }
        });
        values = java.util.Collections.unmodifiableSortedMap(inWindow);
    }

    /** How an Observation's time decides its day, and how the values of one day make one. */
    enum Daily {
        /** The day the span starts (a day of steps); the values of a day added up. */
        SUM_BY_START,
        /** The day the span ends (a night of sleep, by the morning it ends); the values of a day added up. */
        SUM_BY_END,
        /** The day of the measurement (a resting heart rate); the mean of a day's values. */
        MEAN_BY_START
    }

    /** One Observation as the FHIR search answered it: its value and its time (a point has {@code start == end}). */
    record Reading(Instant start, Instant end, double value) {}

    /** The readings as a value per day of {@code [from, to]}. */
    static DailySeries of(
            String id,
            String title,
            String unit,
            int decimals,
            LocalDate from,
            LocalDate to,
            Daily daily,
            List<Reading> readings,
            double scale) {
        Map<LocalDate, List<Double>> byDay = new TreeMap<>();
        for (Reading reading : readings) {
            Instant at = daily == Daily.SUM_BY_END ? reading.end() : reading.start();
            LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
            byDay.computeIfAbsent(day, ignored -> new ArrayList<>()).add(reading.value() * scale);
        }
        Map<LocalDate, Double> values = new TreeMap<>();
        byDay.forEach((day, dayValues) -> {
            double sum = dayValues.stream().mapToDouble(Double::doubleValue).sum();
            values.put(day, daily == Daily.MEAN_BY_START ? sum / dayValues.size() : sum);
        });
        return new DailySeries(id, title, unit, decimals, from, to, values);
    }

    /** Every day of the window, in order. */
    List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    Optional<Double> valueOn(LocalDate day) {
        return Optional.ofNullable(values.get(day));
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** A value as the page shows it: grouped thousands, {@link #decimals} decimals. */
    String format(double value) {
        return String.format(Locale.ENGLISH, "%,." + decimals + "f", value);
    }

    /** A value with its unit ({@code 8,123 steps}). */
    String formatWithUnit(double value) {
        return format(value) + " " + unit;
    }

    /** The lowest, mean and highest value, in words, for those who do not see the chart. */
    String summary() {
        if (values.isEmpty()) {
            return "No data from " + day(from) + " to " + day(to) + ".";
        }
        double lowest =
                values.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double highest =
                values.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double mean = values.values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        return values.size() + " of " + days().size() + " days from " + day(from) + " to " + day(to) + " have a value:"
                + " lowest " + formatWithUnit(lowest) + ", mean " + formatWithUnit(mean) + ", highest "
                + formatWithUnit(highest) + ".";
    }

    /** A day as the page writes it: {@code 3 Nov 2026}. */
    static String day(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH));
    }
}
