package health.wearables.domain;

import java.security.MessageDigest;
import java.util.List;

/**
 * A tenant as configured: its API keys only as SHA-256 hashes, and the URL prefixes it may send patients back to.
 */
public record Project(ProjectId id, List<byte[]> apiKeySha256, List<ReturnUrl> allowedReturnUrls) {
    public Project {
        apiKeySha256 = List.copyOf(apiKeySha256);
        allowedReturnUrls = List.copyOf(allowedReturnUrls);
        for (ReturnUrl prefix : allowedReturnUrls) {
            if (!prefix.endsWithSlash()) {
                throw new IllegalArgumentException(
                        "project " + id + ": allowed redirect prefix must end in '/': " + prefix);
            }
        }
    }

    /** Compares the key's hash with every configured hash in constant time (no early exit on the first match). */
    public boolean authenticates(ApiKey key) {
        byte[] presented = key.sha256();
        boolean match = false;
        for (byte[] hash : apiKeySha256) {
            match |= MessageDigest.isEqual(presented, hash);
        }
        return match;
    }

    public boolean allows(ReturnUrl url) {
        return allowedReturnUrls.stream().anyMatch(url::isUnder);
    }
}
