@oauth1
Feature: Connecting a wearable whose vendor still speaks OAuth 1.0a
  Garmin's legacy flow (RFC 5849) has no state and no code: the vendor's temporary token names the pending
  authorization and the verifier proves the patient's approval. The gateway signs every request with HMAC-SHA1; the
  vendor checks each signature its own way.

  Background:
    Given Amara is a patient of the Acme care team

  Scenario: Amara approves access at Garmin and is back on her dashboard
    Given Amara's care team has started connecting her Garmin through Garmin's legacy OAuth 1.0a flow
    When she approves access at Garmin
    Then she is back on the dashboard, told that her garmin-legacy connection succeeded
    And her Garmin account is connected to her record with the token credentials Garmin issued, sealed, and her Garmin user id
    And Garmin checked every signed request of the gateway and was asked for token credentials once

  @conformance
  Scenario: Amara opens Garmin's return link a second time
    Given Amara's care team has started connecting her Garmin through Garmin's legacy OAuth 1.0a flow
    And she approves access at Garmin
    When she opens the same return link from Garmin again
    Then the answer is 401 with error code "INVALID_STATE"
    And Garmin checked every signed request of the gateway and was asked for token credentials once

  Scenario: A return from Garmin without the verifier is incomplete and spends nothing
    Given Amara's care team has started connecting her Garmin through Garmin's legacy OAuth 1.0a flow
    When Garmin sends her back without the verifier
    Then the answer is 422 with error code "MISSING_PARAMETER"
    And Garmin was not asked for token credentials
    When she then comes back with the verifier
    Then her Garmin account is connected to her record with the token credentials Garmin issued, sealed, and her Garmin user id

  @conformance
  Scenario: A token Garmin never issued is refused
    When a return arrives from Garmin with a token it never issued
    Then the answer is 401 with error code "INVALID_STATE"
    And Garmin was not asked for token credentials

  @conformance
  Scenario: Garmin does not confirm the callback address
    Given Garmin does not confirm the gateway's callback address
    When Amara's care team starts connecting her Garmin through the legacy flow
    Then the answer is 502 with error code "TOKEN_EXCHANGE_FAILED"
    And no authorization link is handed out

  Scenario: Operators are told that Garmin retires the legacy flow
    Then the gateway warned at start on which day Garmin retires the legacy flow
