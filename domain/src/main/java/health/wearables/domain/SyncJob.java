package health.wearables.domain;

import java.time.Instant;

/** The initial data sync a new (or renewed) connection asks for. */
public record SyncJob(ConnectionKey key, String endpointId, Instant requestedAt) {}
