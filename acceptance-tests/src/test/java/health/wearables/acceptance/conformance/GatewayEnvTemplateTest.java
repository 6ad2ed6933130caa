package health.wearables.acceptance.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code conformance/gateway.env.template}, the configuration a deployment needs for a conformance run, is the
 * configuration this module's pom gives the build's own servers ({@code liberty.env.*}), and cannot drift from it:
 * every key of the pom is in the template with the same value, but for the keys that are the deployment's own (its
 * address, its stores, its keyset, its tracing) and three placeholders: the simulators' address in place of the
 * loopback host of every provider and webhook URL, and the SHA-256 of the two projects' keys, which are the
 * deployment's, never the build's fixtures. Its webhook verify tokens, which the build makes afresh on every run, are
 * those the {@code conformance} profile gives the tests.
 */
class GatewayEnvTemplateTest {
    static final String SIMULATORS = "@SIMULATORS@";

    /** The deployment's own: not part of what the conformance run needs of it. */
    private static final Set<String> THE_DEPLOYMENTS_OWN = Set.of(
            "WEARABLES_PUBLIC_BASE_URL",
            "WEARABLES_DATA_DIR",
            "WEARABLES_CRYPTO_CREATE_IF_MISSING",
            "WEARABLES_FHIR_JDBC_URL",
            "WEARABLES_FHIR_USERNAME",
            "WEARABLES_REDIS_ADDRESS",
            "WEARABLES_REDIS_KEY_PREFIX",
            "WEARABLES_OTEL_SDK_DISABLED",
            "WEARABLES_OTEL_TRACES_EXPORTER");

    private static final Map<String, String> PLACEHOLDERS = Map.of(
            "WEARABLES_PROJECTS_ACME_API_KEY_SHA256", "@ACME_API_KEY_SHA256@",
            "WEARABLES_PROJECTS_GLOBEX_API_KEY_SHA256", "@GLOBEX_API_KEY_SHA256@");

    /** Made afresh by every build's run (antrun), fixed by the conformance profile. */
    private static final List<String> VERIFY_TOKENS = List.of(
            "WEARABLES_PROVIDERS_OURA_WEBHOOK_VERIFY_TOKEN", "WEARABLES_PROVIDERS_WITHINGS_WEBHOOK_VERIFY_TOKEN");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");
    private static final Pattern LOOPBACK_URL = Pattern.compile("^(https?://)(localhost|127\\.0\\.0\\.1)([:/])");

    private static Map<String, String> properties;
    private static Map<String, String> conformanceProfile;
    private static Map<String, String> template;

    @BeforeAll
    static void read() throws Exception {
        Element project = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        properties = children(child(project, "properties"));
        conformanceProfile = Map.of();
        for (Element profile : elements(child(project, "profiles"))) {
            if ("conformance".equals(child(profile, "id").getTextContent().strip())) {
                conformanceProfile = children(child(profile, "properties"));
            }
        }
        template = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("conformance/gateway.env.template"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            assertThat(equals).as("a line of the template: " + line).isPositive();
            assertThat(template.put(line.substring(0, equals), line.substring(equals + 1)))
                    .as("a key twice in the template: " + line)
                    .isNull();
        }
    }

    @Test
    void the_template_is_the_poms_configuration_of_the_servers_but_for_the_deployments_own_keys() throws IOException {
        Map<String, String> expected = expected();
        assertThat(expected).as("the pom's liberty.env.* properties").hasSizeGreaterThan(50);
        if (!template.equals(expected)) {
            Path wanted = Path.of("target/gateway.env.expected");
            Files.writeString(
                    wanted,
                    expected.entrySet().stream()
                            .map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining("\n", "", "\n")));
            System.out.println("[gateway.env.template] the lines the pom gives are in " + wanted.toAbsolutePath());
        }
        assertThat(template)
                .as("conformance/gateway.env.template against acceptance-tests/pom.xml (the expected lines are in"
                        + " target/gateway.env.expected)")
                .containsExactlyEntriesOf(expected);
    }

    @Test
    void the_simulators_are_reached_only_at_the_placeholder_address() {
        assertThat(template)
                .as("provider and webhook URLs")
                .hasEntrySatisfying(
                        "WEARABLES_PROVIDERS_SANDBOX_TOKEN_URL",
                        url -> assertThat(url).startsWith("http://" + SIMULATORS + ":"))
                .hasEntrySatisfying(
                        "WEARABLES_PROJECTS_ACME_WEBHOOK_URL",
                        url -> assertThat(url).startsWith("http://" + SIMULATORS + ":"));
        assertThat(template.entrySet())
                .filteredOn(entry -> entry.getKey().endsWith("_URL"))
                .allSatisfy(entry -> assertThat(entry.getValue())
                        .as(entry.getKey())
                        .doesNotContain("localhost")
                        .doesNotContain("127.0.0.1"));
    }

    @Test
    void the_project_keys_are_placeholders_never_the_builds_fixtures() {
        PLACEHOLDERS.forEach((key, placeholder) -> assertThat(template).containsEntry(key, placeholder));
        assertThat(template.values())
                .as("the SHA-256 of the build's fixture keys")
                .doesNotContain(
                        properties.get("liberty.env.WEARABLES_PROJECTS_ACME_API_KEY_SHA256"),
                        properties.get("liberty.env.WEARABLES_PROJECTS_GLOBEX_API_KEY_SHA256"));
    }

    /** The template's lines as the pom gives them. */
    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        properties.forEach((name, value) -> {
            if (!name.startsWith("liberty.env.")) {
                return;
            }
            String key = name.substring("liberty.env.".length());
            if (THE_DEPLOYMENTS_OWN.contains(key)) {
                return;
            }
            String resolved = PLACEHOLDERS.getOrDefault(key, resolve(value, 0));
            if (key.endsWith("_URL")) {
                Matcher loopback = LOOPBACK_URL.matcher(resolved);
                resolved = loopback.replaceFirst("$1" + SIMULATORS + "$3");
            }
            expected.put(key, resolved);
        });
        for (String key : VERIFY_TOKENS) {
            String value = conformanceProfile.get("liberty.env." + key);
            assertThat(value).as("the conformance profile's " + key).isNotBlank();
            expected.put(key, value);
        }
        return expected;
    }

    private static String resolve(String value, int depth) {
        assertThat(depth).as("nested expressions in " + value).isLessThan(10);
        Matcher expression = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (expression.find()) {
            String name = expression.group(1);
            String replacement = properties.get(name);
            assertThat(replacement).as("the pom property " + name).isNotNull();
            expression.appendReplacement(resolved, Matcher.quoteReplacement(resolve(replacement, depth + 1)));
        }
        expression.appendTail(resolved);
        return resolved.toString();
    }

    private static Element child(Element parent, String name) {
        for (Element element : elements(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    private static List<Element> elements(Element parent) {
        NodeList nodes = parent.getChildNodes();
        List<Element> elements = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static Map<String, String> children(Element parent) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element element : elements(parent)) {
            values.put(element.getTagName(), element.getTextContent().strip());
        }
        return values;
    }
}
