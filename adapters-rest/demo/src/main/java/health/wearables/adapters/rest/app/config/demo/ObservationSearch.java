package health.wearables.adapters.rest.app.config.demo;

import health.wearables.adapters.rest.app.config.demo.DailySeries.Reading;
import health.wearables.domain.ApiKey;
import java.time.LocalDate;
import java.util.List;

/** The dashboard's way to a patient's synced Observations: a search of the gateway's {@code /fhir}. */
@FunctionalInterface
interface ObservationSearch {

    /**
     * The patient's Observations of a LOINC code from the start of {@code since} (UTC) on, as the project of
     * {@code apiKey} sees them.
     *
     * @throws Failed when the search could not be made or was not answered with a bundle
     */
    List<Reading> search(ApiKey apiKey, String patientId, String loincCode, LocalDate since);

    /** The search failed; the message is the page's, and holds nothing of the request but its route. */
    final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }
}
