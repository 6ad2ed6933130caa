package health.wearables.adapters.rest.out.provider.data;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a {@code Retry-After} header (RFC 9110 §10.2.3): delay-seconds, or an HTTP date, which is turned into the delay
 * from now (never negative). Anything else counts as no header. A delay over {@link #LONGEST} is taken as that: a
 * provider cannot park a connection for longer than a day with one answer.
 */
final class RetryAfter {
    /** The longest delay believed. */
    static final Duration LONGEST = Duration.ofDays(1);

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    private RetryAfter() {}

    static Optional<Duration> parse(Optional<String> header, Instant now) {
        return header.map(String::trim)
                .flatMap(value -> SECONDS.matcher(value).matches()
                        ? Optional.of(Duration.ofSeconds(Long.parseLong(value)))
                        : date(value).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO))
                .map(delay -> delay.compareTo(LONGEST) > 0 ? LONGEST : delay);
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
