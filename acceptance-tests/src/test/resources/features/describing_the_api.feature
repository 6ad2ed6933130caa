@topology @api-description
Feature: Describing the API (technical, for integrators)
  Integrators generate their clients from the gateway's OpenAPI document, so the document must read cleanly in the
  tools they use and say everything a client needs: every route, what it takes, every way it answers, and how to
  authenticate.

  Rule: The document reads without a complaint in the integrators' own tools

    @conformance
    Scenario: An OpenAPI parser and a linter read the document
      When a developer fetches the gateway's OpenAPI document
      Then swagger-parser reads it without a single message
      And Redocly's linter with its recommended rules finds no error in it

  Rule: The document describes the gateway's API, every route of it

    @conformance
    Scenario: Title, version, contact and the API key
      When a developer fetches the gateway's OpenAPI document
      Then it names the API, its version and a contact
      And it describes the project API key as an HTTP bearer scheme

    Scenario: Every route the gateway serves is described, and nothing else
      When a developer fetches the gateway's OpenAPI document
      Then every route of the gateway's HTTP API is in it, and no other
      And every operation has a summary, an operationId and a described tag
      And every operation says how it fails, with the error shape and an example of each error

    @conformance
    Scenario: Each route's answers and authentication, as the contract gives them
      When a developer fetches the gateway's OpenAPI document
      Then the operations are described with these answers:
        | operation                                                   | API key  | answers                                                                                                                                                                                                         |
        | POST /v1/wearables/{provider}/connect                       | required | 201, 401 UNAUTHORIZED, 404 UNKNOWN_PROVIDER, 410 PROVIDER_RETIRED, 415 UNSUPPORTED_MEDIA_TYPE, 422 VALIDATION_FAILED, 502 TOKEN_EXCHANGE_FAILED, 503 STATE_STORE_UNAVAILABLE                                    |
        | POST /v1/wearables/connect-sessions                         | required | 201, 401 UNAUTHORIZED, 415 UNSUPPORTED_MEDIA_TYPE, 422 VALIDATION_FAILED, 503 STATE_STORE_UNAVAILABLE                                                                                                             |
        | GET /v1/wearables/{provider}/callback                       | none     | 200, 202, 302, 400 INVALID_REQUEST, 400 PROVIDER_ERROR, 401 INVALID_STATE, 404 UNKNOWN_PROVIDER, 422 MISSING_PARAMETER, 422 PROVIDER_MISMATCH, 502 TOKEN_EXCHANGE_FAILED, 503 STATE_STORE_UNAVAILABLE, 500 INTERNAL_ERROR |
        | GET /api/v1/pulse/theta/{provider_slug}/callback            | none     | 200, 202, 302, 400 INVALID_REQUEST, 400 PROVIDER_ERROR, 401 INVALID_STATE, 404 UNKNOWN_PROVIDER, 422 MISSING_PARAMETER, 422 PROVIDER_MISMATCH, 502 TOKEN_EXCHANGE_FAILED, 503 STATE_STORE_UNAVAILABLE, 500 INTERNAL_ERROR |
        | HEAD /v1/wearables/{provider}/callback                      | none     | 405 METHOD_NOT_ALLOWED                                                                                                                                                                                          |
        | OPTIONS /api/v1/pulse/theta/{provider_slug}/callback        | none     | 405 METHOD_NOT_ALLOWED                                                                                                                                                                                          |
        | GET /v1/wearables/connections                               | required | 200, 401 UNAUTHORIZED, 422 VALIDATION_FAILED, 503 CONNECTION_STORE_UNAVAILABLE                                                                                                                                  |
        | GET /v1/wearables/providers                                 | required | 200, 401 UNAUTHORIZED                                                                                                                                                                                           |
        | POST /v1/wearables/{provider}/connections/{patientId}/sync  | required | 202, 401 UNAUTHORIZED, 404 CONNECTION_NOT_FOUND, 409 CONNECTION_NOT_ACTIVE, 503 CONNECTION_STORE_UNAVAILABLE, 503 SYNC_QUEUE_UNAVAILABLE                                                                        |
        | DELETE /v1/wearables/{provider}/connections/{patientId}     | required | 204, 401 UNAUTHORIZED, 404 CONNECTION_NOT_FOUND, 422 VALIDATION_FAILED, 503 CONNECTION_STORE_UNAVAILABLE, 503 REVOCATION_STORE_UNAVAILABLE                                                                      |
        | POST /v1/wearables/{provider}/webhook                       | none     | 204, 401 INVALID_NOTIFICATION, 404 UNKNOWN_PROVIDER, 413 INVALID_REQUEST, 503 CONNECTION_STORE_UNAVAILABLE, 503 SYNC_QUEUE_UNAVAILABLE                                                                          |
        | GET /v1/wearables/{provider}/webhook                        | none     | 200, 204, 401 INVALID_NOTIFICATION, 404 UNKNOWN_PROVIDER                                                                                                                                                        |

  Rule: Developers can read the document in a browser

    @conformance
    Scenario: The document's browser
      When a developer opens the OpenAPI browser
      Then it is an HTML page
