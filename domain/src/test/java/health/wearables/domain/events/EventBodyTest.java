package health.wearables.domain.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import health.wearables.domain.ConnectionKey;
import health.wearables.domain.PatientId;
import health.wearables.domain.ProjectId;
import health.wearables.domain.ProviderSlug;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBodyTest {
    private static final ConnectionKey AMARA =
            new ConnectionKey(new ProjectId("acme"), new PatientId("amara-1"), new ProviderSlug("whoop"));
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00.750Z");
    private static final String ID = "msg_0123456789abcdef";

    @Test
    void aCreatedConnectionIsTypeTimestampAndDataInThatOrder() {
        assertThat(EventBody.of(PlatformEvent.connectionCreated(ID, AMARA, true, AT)))
                .isEqualTo("{\"type\":\"connection.created\",\"timestamp\":\"2026-11-30T12:00:00Z\","
                        + "\"data\":{\"project\":\"acme\",\"patientId\":\"amara-1\",\"provider\":\"whoop\","
                        + "\"reconnect\":true}}");
    }

    @Test
    void aPendingConnectionHasNoDetails() {
        assertThat(EventBody.of(PlatformEvent.connectionPending(ID, AMARA, AT)))
                .isEqualTo("{\"type\":\"connection.pending\",\"timestamp\":\"2026-11-30T12:00:00Z\","
                        + "\"data\":{\"project\":\"acme\",\"patientId\":\"amara-1\",\"provider\":\"whoop\"}}");
    }

    @Test
    void nestedMapsAndNumbersAreWrittenAsJson() {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("steps", 3);
        counts.put("heart-rate", 1200L);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("counts", counts);
        details.put("changed", 0);
        assertThat(EventBody.of(new PlatformEvent(ID, EventType.SYNC_COMPLETED, AT, AMARA, details)))
                .endsWith("\"counts\":{\"steps\":3,\"heart-rate\":1200},\"changed\":0}}");
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        String reason = "the \"provider\" said \\ no\n\tthen\u0001 and \u2028 \u00e9";
        assertThat(EventBody.of(PlatformEvent.syncFailed(ID, AMARA, reason, AT)))
                .contains("\"reason\":\"the \\\"provider\\\" said \\\\ no\\n\\tthen\\u0001 and \\u2028 \u00e9\"");
    }

    @Test
    void aValueOfAnotherKindIsRefused() {
        PlatformEvent event = new PlatformEvent(ID, EventType.SYNC_FAILED, AT, AMARA, Map.of("when", AT));
        assertThatThrownBy(() -> EventBody.of(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Instant");
    }
}
