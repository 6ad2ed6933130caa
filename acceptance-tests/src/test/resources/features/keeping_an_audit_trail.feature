Feature: An audit trail of what happened to a connection
  Every connect, callback outcome, disconnect and refused API key is written down as a FHIR AuditEvent in the gateway's
  FHIR store: who did it (the project, and the id of its API key, never the key), what, when and how it ended. A care
  team reads its own project's audit trail through the gateway's FHIR API; no other care team sees it, and a key that
  matches no project is written down without a project, for operators only.

  Background:
    Given Amara is a patient of the Acme care team

  Scenario: Acme's care team reads what happened to Amara's connection
    Given Amara has connected her Sandbox account
    When Acme's care team disconnects her Sandbox account
    Then Acme's audit trail for Amara shows "connect-started", "callback-completed" and "revoked" in that order
    And the connect and the disconnect were made by Acme, named by the id of its API key and never by the key
    And each of her audit events is valid FHIR R4 and holds none of her secrets
    And the Globex care team finds none of her audit events, by search or by id

  Scenario: A call with a key that matches no project is written down without a project
    When someone asks the gateway's FHIR API for audit events with a key that matches no project
    Then they are refused as unauthenticated
    And the refusal is written down in the FHIR store's database, naming the key by its id only
    And no care team finds that refusal in its audit trail
