package health.wearables.domain;

/** A provider as a dashboard lists it: what it is, and whether this gateway can connect it now. */
public record ProviderListing(
        ProviderSlug slug, String displayName, String description, OAuthVersion oauthVersion, boolean configured) {}
