package health.wearables.adapters.rest.in.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.api.OpenApiDocument;
import io.smallrye.openapi.runtime.OpenApiProcessor;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as SmallRye OpenAPI (the implementation under Liberty's mpOpenAPI-3.1, same version) builds it
 * from this module's classes and {@link ApiDescriptionFilter}: a quick guard of what the acceptance run checks on the
 * real server with independent tools (describing_the_api.feature). It writes the document to
 * {@code target/openapi/openapi.yaml}, for linting by hand.
 */
class OpenApiDocumentTest {
    private static OpenAPI document;

    @BeforeAll
    static void build() throws IOException, URISyntaxException {
        Path classes = Path.of(ApiDescription.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    indexer.index(in);
                }
            }
        }
        IndexView index = indexer.complete();
        OpenApiConfig config = new LibertyLikeConfig();
        ClassLoader loader = OpenApiDocumentTest.class.getClassLoader();
        OpenApiDocument built = OpenApiDocument.newInstance();
        built.reset();
        built.config(config);
        built.modelFromAnnotations(OpenApiProcessor.modelFromAnnotations(config, loader, index));
        built.filter(OpenApiProcessor.getFilter(config, loader));
        built.initialize();
        document = built.get();
        Path out = classes.getParent().resolve("openapi/openapi.yaml");
        Files.createDirectories(out.getParent());
        Files.writeString(out, OpenApiSerializer.serialize(document, Format.YAML), StandardCharsets.UTF_8);
    }

    @Test
    void names_the_api_its_version_and_a_contact() {
        assertThat(document.getInfo().getTitle()).isEqualTo("Wearable OAuth connection gateway");
        assertThat(document.getInfo().getVersion()).isEqualTo(ApiDescription.VERSION);
        assertThat(document.getInfo().getContact().getName()).isNotBlank();
        assertThat(document.getComponents()
                        .getSecuritySchemes()
                        .get(ApiDescription.API_KEY)
                        .getScheme())
                .isEqualTo("bearer");
    }

    @Test
    void every_operation_has_a_summary_an_id_a_tag_a_security_requirement_and_its_failures() {
        Map<String, PathItem> paths = document.getPaths().getPathItems();
        assertThat(paths).isNotEmpty();
        paths.forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            String route = method + " " + path;
            assertThat(operation.getSummary()).as(route).isNotBlank();
            assertThat(operation.getOperationId()).as(route).isNotBlank();
            assertThat(operation.getTags()).as(route).isNotEmpty();
            assertThat(operation.getSecurity())
                    .as(route + " declares its security")
                    .isNotNull();
            assertThat(operation.getResponses().getAPIResponses().keySet())
                    .as(route)
                    .anyMatch(status -> status.startsWith("4"))
                    .contains(ApiDescriptionFilter.INTERNAL_ERROR);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.startsWith("2") && !status.startsWith("3")) {
                    assertThat(examplesOf(resolved(response)))
                            .as(route + " " + status)
                            .isNotEmpty();
                }
            });
        }));
    }

    @Test
    void callbacks_and_notifications_need_no_api_key_and_the_rest_need_it() {
        Map<String, PathItem> paths = document.getPaths().getPathItems();
        assertThat(operation(paths, "/v1/wearables/{provider}/callback", PathItem.HttpMethod.GET)
                        .getSecurity())
                .isEmpty();
        assertThat(operation(paths, "/v1/wearables/{provider}/webhook", PathItem.HttpMethod.POST)
                        .getSecurity())
                .isEmpty();
        assertThat(operation(paths, "/v1/wearables/{provider}/connect", PathItem.HttpMethod.POST)
                        .getSecurity())
                .singleElement()
                .satisfies(
                        requirement -> assertThat(requirement.getSchemes()).containsOnlyKeys(ApiDescription.API_KEY));
    }

    /** The gateway's {@code mp.openapi.*} settings (microprofile-config.properties), without an MP Config. */
    private static final class LibertyLikeConfig implements OpenApiConfig {
        @Override
        public String filter() {
            return ApiDescriptionFilter.class.getName();
        }

        @Override
        public Set<String> scanPackages() {
            return Set.of(ApiDescription.class.getPackageName());
        }

        @Override
        public Set<String> scanClasses() {
            return Set.of();
        }

        @Override
        public Set<String> scanExcludePackages() {
            return Set.of();
        }

        @Override
        public Set<String> scanExcludeClasses() {
            return Set.of();
        }

        @Override
        public Set<String> scanDependenciesJars() {
            return Set.of();
        }

        @Override
        public List<String> servers() {
            return List.of();
        }

        @Override
        public List<String> pathServers(String path) {
            return List.of();
        }

        @Override
        public List<String> operationServers(String operationId) {
            return List.of();
        }

        @Override
        public Map<String, String> getSchemas() {
            return Map.of();
        }

        @Override
        public Set<String> getScanProfiles() {
            return Set.of();
        }

        @Override
        public Set<String> getScanExcludeProfiles() {
            return Set.of();
        }
    }

    private static Operation operation(Map<String, PathItem> paths, String path, PathItem.HttpMethod method) {
        assertThat(paths).containsKey(path);
        return paths.get(path).getOperations().get(method);
    }

    /** The answer itself, or the shared one in the document's components that it refers to. */
    private static APIResponse resolved(APIResponse response) {
        String ref = response.getRef();
        if (ref == null) {
            return response;
        }
        String prefix = "#/components/responses/";
        assertThat(ref).startsWith(prefix);
        APIResponse shared = document.getComponents().getResponses().get(ref.substring(prefix.length()));
        assertThat(shared).as(ref + " is in the document").isNotNull();
        return shared;
    }

    private static List<Object> examplesOf(APIResponse response) {
        return response.getContent().getMediaTypes().values().stream()
                .flatMap(media -> media.getExamples() == null ? Stream.empty() : media.getExamples().values().stream())
                .map(example -> example.getValue())
                .toList();
    }
}
