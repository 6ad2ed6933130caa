Feature: Integrating the gateway (technical, for integrators)
  The HTTP contract a health platform builds against: who may call, what it may ask, and what it gets back.

  Rule: Only a project's own API key starts a connection

    @conformance
    Scenario: No API key
      When a connection is started without an API key
      Then the answer is 401 with error code "UNAUTHORIZED"

    @conformance
    Scenario: An unknown API key
      When a connection is started with the API key "not-a-real-key"
      Then the answer is 401 with error code "UNAUTHORIZED"

  Rule: Only configured providers can be connected

    @conformance
    Scenario: An unknown provider
      When the Acme project starts a connection to the provider "nosuchvendor"
      Then the answer is 404 with error code "UNKNOWN_PROVIDER"

  Rule: Patients are only sent back to the project's own addresses

    @conformance
    Scenario: A return address outside the project's allow-list
      When the Acme project starts a Sandbox connection returning to "https://evil.example/wearables/"
      Then the answer is 422 with error code "VALIDATION_FAILED"

    @conformance
    Scenario: A look-alike return address
      When the Acme project starts a Sandbox connection returning to "https://dashboard.acme.example.evil.example/wearables/"
      Then the answer is 422 with error code "VALIDATION_FAILED"

  Rule: Every answer is uncacheable and leaks no referrer

    @conformance
    Scenario: Security headers on a refused callback
      When a callback arrives with a state that was never issued
      Then the answer is 401 with error code "INVALID_STATE"
      And the answer forbids caching and referrers

  Rule: A callback without any state is refused before anything is looked up

    @conformance
    Scenario: A code without a state
      When a callback arrives with a code but no state
      Then the answer is 422 with error code "MISSING_PARAMETER"

  Rule: Operators can watch how callbacks end

    @conformance
    Scenario: Refused callbacks are counted by their error code
      When a callback arrives with a state that was never issued
      Then the operations metrics count a callback refused with "INVALID_STATE"

  Rule: Dashboards see which providers they can offer

    @conformance
    Scenario: The provider list shows built-in and configured providers
      When the Acme project lists the providers
      Then "sandbox" is listed as configured with OAuth "2.0"
      And "fitbit" is listed as not configured

    @conformance
    Scenario: A built-in provider that is not configured says what it lacks
      When the Acme project starts a connection to the provider "polar"
      Then the answer is 404 with error code "UNKNOWN_PROVIDER"
      And the message names the missing key "wearables.providers.polar.client-secret"

    # Google turned the legacy Fitbit Web API off on 2026-10-30 (FitbitQuirks), configured or not (hostile case 67)
    @conformance
    Scenario: A built-in provider whose retirement has come is gone
      When the Acme project starts a connection to the provider "fitbit"
      Then the answer is 410 with error code "PROVIDER_RETIRED"
      And the error names "google-health" as the successor

  Rule: A connection is started with one JSON object that says each thing once

    @conformance
    Scenario: A body that is not declared as JSON
      When the Acme project starts a Sandbox connection with a body of type "text/plain"
      Then the answer is 415 with error code "UNSUPPORTED_MEDIA_TYPE"

    @conformance
    Scenario: A body that names the patient twice
      When the Acme project starts a Sandbox connection naming the patient twice
      Then the answer is 422 with error code "VALIDATION_FAILED"

  Rule: Every error the gateway answers is in its JSON error shape

    @conformance
    Scenario: A path that no route can match
      When a browser asks for "/v1/wearables/..%2F..%2Fx/callback"
      Then the answer is 400 with error code "INVALID_REQUEST"
      And the answer forbids caching and referrers

    @conformance
    Scenario: A method the address does not take
      When the Acme project sends DELETE to "/v1/wearables/providers"
      Then the answer is 405 with error code "METHOD_NOT_ALLOWED"
      And the answer allows only "GET, HEAD, OPTIONS"

  Rule: The FHIR record answers in FHIR, and a refusal is a quiet line in the log

    Scenario: Reading the FHIR record without an API key
      When the FHIR record is read without an API key
      Then the answer is a FHIR OperationOutcome with status 401
      And the gateway logged the refusal in one INFO line, without a stack trace
