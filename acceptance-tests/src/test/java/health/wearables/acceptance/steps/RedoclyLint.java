package health.wearables.acceptance.steps;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redocly's CLI ({@code @redocly/cli} from the npm registry, which the build installs into the module's
 * {@code target/redocly}) linting a document with its {@code recommended} rules, as integrators' pipelines do.
 */
final class RedoclyLint {
    private RedoclyLint() {}

    /** What the linter found. */
    record Findings(int errors, int warnings, List<String> problems) {}

    static Findings lint(String document, String fileName) {
        Path cli = Path.of(Settings.get("redocly.cli"));
        if (!Files.isExecutable(cli)) {
            throw new AssertionError("Redocly's CLI is not at " + cli + ": the build installs it (npm, antrun)");
        }
        try {
            Path dir = Files.createTempDirectory("openapi-lint");
            Path file = dir.resolve(fileName);
            Files.writeString(file, document, StandardCharsets.UTF_8);
            Path config = dir.resolve("redocly.yaml");
            Files.writeString(config, "extends:\n  - recommended\n", StandardCharsets.UTF_8);
            Path out = dir.resolve("lint.json");
            Path err = dir.resolve("lint.err");
            ProcessBuilder lint = new ProcessBuilder(
                            cli.toString(), "lint", file.toString(), "--config", config.toString(), "--format", "json")
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            lint.environment().put("REDOCLY_TELEMETRY", "off");
            lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = lint.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Redocly's lint did not end within 180 s");
            }
            String report = Files.readString(out, StandardCharsets.UTF_8);
            if (report.isBlank()) {
                throw new AssertionError("Redocly's lint wrote no report (exit " + process.exitValue() + "): "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            JsonNode parsed = Json.parse(report);
            List<String> problems = new ArrayList<>();
            for (JsonNode problem : parsed.path("problems")) {
                problems.add(problem.path("severity").asText() + " "
                        + problem.path("ruleId").asText() + " at "
                        + problem.at("/location/0/pointer").asText() + ": "
                        + problem.path("message").asText());
            }
            return new Findings(
                    parsed.at("/totals/errors").asInt(-1),
                    parsed.at("/totals/warnings").asInt(-1),
                    problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
