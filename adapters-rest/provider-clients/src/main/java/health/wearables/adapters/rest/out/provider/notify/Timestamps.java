package health.wearables.adapters.rest.out.provider.notify;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/** The signed timestamps of the providers' notification headers, read strictly: digits only, a bounded number of them. */
final class Timestamps {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");

    private Timestamps() {}

    /** Seconds since the epoch, or an ISO 8601 date-time with an offset. */
    static Optional<Instant> secondsOrIso(String text) {
        String value = text.strip();
        if (DIGITS.matcher(value).matches()) {
            return of(() -> Instant.ofEpochSecond(Long.parseLong(value)));
        }
        return of(() -> OffsetDateTime.parse(value).toInstant());
    }

    /** Milliseconds since the epoch. */
    static Optional<Instant> millis(String text) {
        String value = text.strip();
        return DIGITS.matcher(value).matches()
                ? of(() -> Instant.ofEpochMilli(Long.parseLong(value)))
                : Optional.empty();
    }

    private interface Reading {
        Instant read();
    }

    private static Optional<Instant> of(Reading reading) {
        try {
            return Optional.of(reading.read());
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
