@tracing
Feature: Tracing where a callback spends its time
  An operator who switched traces on (the acceptance run writes them to each instance's log) sees each callback as one
  trace: the request, and under it one span for each step of the state machine, each naming the provider and how the
  step went. No span holds the code, the state or a token: the request's query leaves as "[redacted]".

  Background:
    Given Amara is a patient of the Acme care team

  Scenario: Amara's callback is one trace with a span for each step, in order
    Given Amara's care team has started connecting her Sandbox wearable
    And the operators read the traces the gateway writes from now on
    When she approves access at Sandbox
    Then the gateway confirms that her Sandbox account is connected
    And her callback was traced as one request with the steps state, exchange, persist and sync, in that order, each for Sandbox
    And the traced request shows that it had a query, but neither her code nor her state

  Scenario: The operators' collector receives her callback's trace over OTLP
    The second instance of the run exports its spans as a deployment would: over OTLP (HTTP, protobuf) to a collector,
    which reads them with OpenTelemetry's own protocol classes.
    Given Amara's care team has started connecting her Sandbox wearable
    And the operators' collector looks at the spans of requests from now on
    When she approves access at Sandbox and comes back through the other instance
    Then the gateway confirms that her Sandbox account is connected
    And the collector received her callback from "wearables-gateway" as one trace: the request, and under it the steps state, exchange, persist and sync, in that order, each for Sandbox
    And no span the collector received holds her code or her state
