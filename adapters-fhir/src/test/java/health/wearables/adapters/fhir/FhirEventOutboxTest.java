package health.wearables.adapters.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.wearables.application.port.out.EventOutbox;
import health.wearables.application.port.out.EventOutboxContract;
import health.wearables.application.port.out.ReversibleTokenCipher;
import health.wearables.application.port.out.Samples;
import health.wearables.application.port.out.UnitOfWork;
import health.wearables.domain.ConnectionKey;
import health.wearables.domain.SealedCredentials;
import health.wearables.domain.events.PlatformEvent;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox contract on PostgreSQL, and the outbox sharing a step with the connection store's writes. */
class FhirEventOutboxTest extends EventOutboxContract {
    private final EmbeddedFhirStore fhir = SharedFhirStore.get();
    private final FhirEventOutbox outbox = new FhirEventOutbox(fhir);
    private final FhirUnitOfWork units = new FhirUnitOfWork(fhir);
    private final FhirConnectionStore connections = SharedFhirStore.connections();

    @Override
    protected EventOutbox outbox() {
        return outbox;
    }

    @Override
    protected UnitOfWork units() {
        return units;
    }

    private static String id() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void a_change_and_its_event_commit_together_and_a_failed_step_rolls_both_back() {
        ConnectionKey kept = Samples.connectionKey();
        ConnectionKey rolledBack = Samples.connectionKey();
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        SealedCredentials credentials = Samples.sealed(new ReversibleTokenCipher(), kept, "a-1", Optional.of("r-1"));

        units.inOneStep(() -> {
            connections.save(credentials);
            outbox.record(PlatformEvent.connectionCreated(id(), kept, false, now));
            return null;
        });
        assertThatThrownBy(() -> units.inOneStep(() -> {
                    connections.save(Samples.sealed(new ReversibleTokenCipher(), rolledBack, "a-2", Optional.empty()));
                    outbox.record(PlatformEvent.connectionCreated(id(), rolledBack, false, now));
                    throw new IllegalStateException("crash before the commit");
                }))
                .hasMessage("crash before the commit");

        assertThat(connections.find(kept)).contains(credentials);
        assertThat(outbox.undelivered(kept.project(), 10)).hasSize(1);
        assertThat(connections.find(rolledBack)).isEmpty();
        assertThat(connections.list(rolledBack.project(), Optional.empty())).isEmpty();
        assertThat(outbox.undelivered(rolledBack.project(), 10)).isEmpty();
    }

    @Test
    void the_body_is_the_contracts_json_with_the_connection_and_the_details_and_nothing_else() throws Exception {
        ConnectionKey key = Samples.connectionKey();
        String id = id();
        outbox.record(PlatformEvent.connectionCreated(id, key, true, Instant.parse("2026-11-30T12:00:00.789Z")));

        JsonNode body = new ObjectMapper()
                .readTree(outbox.undelivered(key.project(), 1).get(0).body());

        assertThat(body.get("type").asText()).isEqualTo("connection.created");
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-11-30T12:00:00Z");
        JsonNode data = body.get("data");
        assertThat(data.get("project").asText()).isEqualTo(key.project().value());
        assertThat(data.get("patientId").asText()).isEqualTo(key.patient().value());
        assertThat(data.get("provider").asText()).isEqualTo("fitbit");
        assertThat(data.get("reconnect").asBoolean()).isTrue();
        assertThat(data.size()).isEqualTo(4);
        assertThat(body.size()).isEqualTo(3);
    }

    @Test
    void a_reason_with_quotes_and_control_characters_reads_back_as_it_was_given() throws Exception {
        ConnectionKey key = Samples.connectionKey();
        String reason = "the \"provider\" said \\ no\n\tthen\u0001 and \u2028 \u00e9 \ud83c\udfc3";
        outbox.record(PlatformEvent.syncFailed(id(), key, reason, Instant.parse("2026-11-30T12:00:00Z")));

        JsonNode body = new ObjectMapper()
                .readTree(outbox.undelivered(key.project(), 1).get(0).body());

        assertThat(body.get("data").get("reason").asText()).isEqualTo(reason);
    }

    @Test
    void an_end_in_a_step_expunges_the_earlier_versions_after_the_commit() {
        ConnectionKey key = Samples.connectionKey();
        SealedCredentials first = Samples.sealed(new ReversibleTokenCipher(), key, "a-e1", Optional.of("r-e1"));
        connections.save(first);
        connections.replace(first, Samples.sealed(new ReversibleTokenCipher(), key, "a-e2", Optional.of("r-e2")));

        units.inOneStep(() -> connections.end(key, health.wearables.domain.lifecycle.EndReason.DISCONNECTED));

        String endpoint =
                connections.list(key.project(), Optional.empty()).get(0).endpointId();
        assertThat(fhir.endpoints()
                        .history(
                                new org.hl7.fhir.r4.model.IdType("Endpoint", endpoint),
                                null,
                                null,
                                null,
                                new ca.uhn.fhir.rest.api.server.SystemRequestDetails())
                        .size())
                .isEqualTo(1);
    }
}
