package health.wearables.acceptance.steps;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The JAX-RS routes the production WAR under test serves, read from its classes with ArchUnit, not with the gateway's
 * own OpenAPI machinery: every method of a {@code @Path} class in the WAR's {@code WEB-INF/classes} (where Liberty
 * looks for JAX-RS resources) that carries an HTTP method annotation, as {@code "METHOD /path"}. A method marked
 * {@code @Operation(hidden = true)} is left out on purpose by its author (a page for browsers, not for clients), and
 * so is left out here; a method without any OpenAPI annotation is not.
 */
final class GatewayRoutes {
    private static final String CLASSES = "WEB-INF/classes/";
    private static final String PATH = "jakarta.ws.rs.Path";
    private static final String HTTP_METHOD = "jakarta.ws.rs.HttpMethod";
    private static final String OPERATION = "org.eclipse.microprofile.openapi.annotations.Operation";
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** {@code {name: regex}} in a JAX-RS template is {@code {name}} in an OpenAPI path. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}");

    private GatewayRoutes() {}

    static Set<String> ofWar(Path war) {
        Set<String> packages = packagesOfClassesIn(war);
        if (packages.isEmpty()) {
            throw new AssertionError("the WAR " + war + " holds no classes in " + CLASSES);
        }
        Set<String> classNames = classNamesIn(war);
        JavaClasses imported = new ClassFileImporter().importPackages(packages);
        Set<String> routes = new TreeSet<>();
        for (JavaClass resource : imported) {
            if (!classNames.contains(resource.getName()) || !resource.isAnnotatedWith(PATH)) {
                continue;
            }
            String classPath = pathOf(resource.tryGetAnnotationOfType(PATH));
            for (JavaMethod method : resource.getMethods()) {
                Optional<String> verb = httpMethod(method);
                if (verb.isPresent() && !hidden(method)) {
                    routes.add(verb.get() + " " + join(classPath, pathOf(method.tryGetAnnotationOfType(PATH))));
                }
            }
        }
        if (routes.isEmpty()) {
            throw new AssertionError("no JAX-RS resource method found in " + war + ": the scan is broken");
        }
        return routes;
    }

    private static boolean hidden(JavaMethod method) {
        return method.tryGetAnnotationOfType(OPERATION)
                .flatMap(operation -> operation.get("hidden"))
                .map(Boolean.TRUE::equals)
                .orElse(false);
    }

    private static Optional<String> httpMethod(JavaMethod method) {
        for (JavaAnnotation<JavaMethod> annotation : method.getAnnotations()) {
            JavaClass type = annotation.getRawType();
            Optional<String> declared = type.tryGetAnnotationOfType(HTTP_METHOD)
                    .flatMap(meta -> meta.get("value"))
                    .map(Object::toString);
            if (declared.isPresent()) {
                return declared;
            }
            if (type.getPackageName().equals("jakarta.ws.rs") && STANDARD_METHODS.contains(type.getSimpleName())) {
                return Optional.of(type.getSimpleName());
            }
        }
        return Optional.empty();
    }

    private static String pathOf(Optional<? extends JavaAnnotation<?>> path) {
        return path.flatMap(annotation -> annotation.get("value"))
                .map(Object::toString)
                .orElse("");
    }

    /** The route as OpenAPI writes it: one leading slash, no trailing one, templates without their regex. */
    static String join(String classPath, String methodPath) {
        String joined = Arrays.stream((classPath + "/" + methodPath).split("/"))
                .filter(segment -> !segment.isBlank())
                .collect(Collectors.joining("/", "/", ""));
        Matcher template = TEMPLATE.matcher(joined);
        return template.replaceAll("{$1}");
    }

    private static Set<String> classNamesIn(Path war) {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            return zip.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> name.startsWith(CLASSES) && name.endsWith(".class"))
                    .map(name -> name.substring(CLASSES.length(), name.length() - ".class".length())
                            .replace('/', '.'))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the WAR under test " + war, e);
        }
    }

    private static Set<String> packagesOfClassesIn(Path war) {
        return classNamesIn(war).stream()
                .filter(name -> name.contains("."))
                .map(name -> name.substring(0, name.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
