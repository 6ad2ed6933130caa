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
