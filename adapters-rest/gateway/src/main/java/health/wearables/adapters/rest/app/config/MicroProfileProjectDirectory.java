package health.wearables.adapters.rest.app.config;

import health.wearables.application.port.out.ProjectDirectory;
import health.wearables.domain.ApiKey;
import health.wearables.domain.Project;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ReturnUrl;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects from configuration: {@code wearables.projects} lists the ids; each has
 * {@code wearables.projects.<id>.api-key-sha256} and {@code wearables.projects.<id>.redirect-uris}. Read once at start;
 * a malformed entry stops the start with a message naming the key.
 */
public final class MicroProfileProjectDirectory implements ProjectDirectory {
    private final Map<ProjectId, Project> projects;

    public MicroProfileProjectDirectory(List<Project> projects) {
        Map<ProjectId, Project> byId = new LinkedHashMap<>();
        projects.forEach(project -> byId.put(project.id(), project));
        this.projects = Map.copyOf(byId);
    }

    static List<Project> read(ConfigKeys config) {
        return config.list("wearables.projects").stream()
                .map(id -> read(config, id))
                .toList();
    }

    private static Project read(ConfigKeys config, String id) {
        String prefix = "wearables.projects." + id + ".";
        try {
            List<byte[]> hashes = config.list(prefix + "api-key-sha256").stream()
                    .map(hex -> {
                        byte[] hash = HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
                        if (hash.length != 32) {
                            throw new IllegalArgumentException(
                                    prefix + "api-key-sha256 must hold 64-hex-digit SHA-256 hashes");
                        }
                        return hash;
                    })
                    .toList();
            if (hashes.isEmpty()) {
                throw new IllegalArgumentException(prefix + "api-key-sha256 is missing");
            }
            List<ReturnUrl> prefixes = config.list(prefix + "redirect-uris").stream()
                    .map(ReturnUrl::parse)
                    .toList();
            return new Project(new ProjectId(id), hashes, prefixes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Project '" + id + "' is misconfigured: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        return Optional.ofNullable(projects.get(id));
    }

    @Override
    public Optional<Project> authenticate(ApiKey key) {
        Project match = null;
        for (Project project : projects.values()) {
            if (project.authenticates(key)) {
                match = project;
            }
        }
        return Optional.ofNullable(match);
    }

    public int size() {
        return projects.size();
    }
}
