package health.wearables.acceptance.sweep;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks for known secrets in everything a run left behind: log files, error bodies, database rows. A secret is looked
 * for as it is and URL-encoded (as it would appear in a logged query string or form). Values shorter than
 * {@value #MIN_LENGTH} characters are left out: they are test inputs like {@code abc}, and would match by chance.
 *
 * <p>So that a sweep cannot pass by reading nothing, each source can be given control texts that must be met in it
 * (say, a line every gateway log has); {@link #missingControls()} names those never met.
 *
 * <p>Findings carry the {@link Secret}, whose {@code toString} never shows the value.
 */
public final class SecretsSweep {
    public static final int MIN_LENGTH = 8;

    /** Where text came from. */
    public enum Source {
        LOG_FILE,
        ERROR_BODY,
        DATABASE_ROW,
        /** What an instance's {@code /metrics} shows: names, labels and values. */
        METRICS,
        /** A span an instance exported over OTLP: its name and its attributes. */
        SPAN
    }

    /** A secret met where it must not be. */
    public record Finding(Secret secret, Source source, String where) {
        @Override
        public String toString() {
            return secret + " in " + source + " " + where;
        }
    }

    private record Needle(Secret secret, String text) {}

    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    private final List<Needle> needles = new ArrayList<>();
    private final Map<Source, long[]> searched = new EnumMap<>(Source.class);
    private final Set<Finding> findings = new LinkedHashSet<>();
    private final Map<Source, Map<String, Boolean>> controls = new EnumMap<>(Source.class);

    /** @param candidates every secret the run handled; duplicates and short values are dropped */
    public SecretsSweep(Collection<Secret> candidates) {
        for (Secret secret : candidates) {
            if (secret.value().length() >= MIN_LENGTH) {
                secrets.putIfAbsent(secret.value(), secret);
            }
        }
        for (Secret secret : secrets.values()) {
            needles.add(new Needle(secret, secret.value()));
            String encoded = URLEncoder.encode(secret.value(), StandardCharsets.UTF_8);
            if (!encoded.equals(secret.value())) {
                needles.add(new Needle(secret, encoded));
            }
        }
        for (Source source : Source.values()) {
            searched.put(source, new long[2]);
            controls.put(source, new LinkedHashMap<>());
        }
    }

    /** A text that must be met at least once in the given source, or the sweep did not really read it. */
    public SecretsSweep expect(Source source, String control) {
        controls.get(source).put(control, false);
        return this;
    }

    /** Searches one text. */
    public void search(Source source, String where, String text) {
        long[] counts = searched.get(source);
        counts[0]++;
        counts[1] += text.length();
        for (Needle needle : needles) {
            if (text.contains(needle.text())) {
                findings.add(new Finding(needle.secret(), source, where));
            }
        }
        controls.get(source).replaceAll((control, met) -> met || text.contains(control));
    }

    /** Searches every regular file under a directory (a log directory: logs, FFDC incidents, trace files). */
    public void searchFilesUnder(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            search(Source.LOG_FILE, file.toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        }
    }

    /** The distinct secrets looked for. */
    public int secretCount() {
        return secrets.size();
    }

    public Map<SecretKind, Long> secretsByKind() {
        Map<SecretKind, Long> byKind = new TreeMap<>();
        secrets.values().forEach(secret -> byKind.merge(secret.kind(), 1L, Long::sum));
        return byKind;
    }

    /** How many texts (files, bodies, rows) of a source were searched. */
    public long searched(Source source) {
        return searched.get(source)[0];
    }

    public long characters(Source source) {
        return searched.get(source)[1];
    }

    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** Controls never met, as "SOURCE: text". */
    public List<String> missingControls() {
        List<String> missing = new ArrayList<>();
        controls.forEach((source, met) -> met.forEach((control, found) -> {
            if (!found) {
                missing.add(source + ": " + control);
            }
        }));
        return missing;
    }

    /** Counts only: how many secrets of which kinds, and how much was read where. */
    public String summary() {
        return "swept " + secretCount() + " distinct secrets " + secretsByKind()
                + " through " + searched(Source.LOG_FILE) + " log files (" + characters(Source.LOG_FILE) + " chars), "
                + searched(Source.ERROR_BODY) + " error bodies, " + searched(Source.METRICS) + " metrics pages ("
                + characters(Source.METRICS) + " chars) and " + searched(Source.DATABASE_ROW) + " database rows ("
                + characters(Source.DATABASE_ROW) + " chars), " + searched(Source.SPAN) + " spans received over OTLP: "
                + findings.size() + " found";
    }
}
