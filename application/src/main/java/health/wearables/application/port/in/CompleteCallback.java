package health.wearables.application.port.in;

import health.wearables.domain.callback.CallbackAnswer;
import java.util.List;
import java.util.Map;

/** The patient's browser returns from the provider: state → exchange → persist → sync → redirect. */
@FunctionalInterface
public interface CompleteCallback {

    CallbackAnswer complete(String provider, Map<String, List<String>> query);
}
