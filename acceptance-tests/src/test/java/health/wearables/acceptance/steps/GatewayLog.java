package health.wearables.acceptance.steps;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The first instance's {@code messages.log}, read from a mark on: what the gateway logged while a step ran. */
final class GatewayLog {
    /** {@code [date] thread logger L message}: L is Liberty's one-letter level (I, W, E, A, …). */
    private static final Pattern LINE = Pattern.compile("^\\[[^\\]]+\\] \\S+ \\S+\\s+([A-Z]) ");

    /** Found when first read, not when a step class that holds a log is made (a conformance run makes them all). */
    private static Path file() {
        return Settings.gatewayLogDirectories().get(0).resolve("messages.log");
    }

    long mark() {
        try {
            return Files.size(file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line written since the mark (a stack trace is one line per frame, as in the file). */
    List<String> linesSince(long mark) {
        Path file = file();
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            if (length < mark) {
                throw new IllegalStateException(file + " was rolled over while a step read it; run the step again");
            }
            byte[] bytes = new byte[Math.toIntExact(length - mark)];
            log.seek(mark);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The level letter of a log line, or empty for a continuation line (a stack frame, say). */
    static String level(String line) {
        Matcher matcher = LINE.matcher(line);
        return matcher.find() ? matcher.group(1) : "";
    }
}
