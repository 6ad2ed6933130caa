Feature: Hearing about connections
  A care team's system hears of what happens to its patients' connections through signed events at its webhook
  receiver, as the Standard Webhooks specification defines them; the receiver checks every signature with the
  specification's reference library. Events are written in the same step as the change they report, and delivered at
  least once, under the same webhook-id on every attempt.

  Background:
    Given Amara is a patient of the Acme care team

  @conformance
  Scenario: A connection and a reconnection are each heard of
    Given Amara has connected her Sandbox account
    Then her care team's system hears "connection.created" about her Sandbox account with "reconnect=false", signed by the gateway
    When her care team connects her Sandbox wearable again and she approves access
    Then her care team's system hears "connection.created" about her Sandbox account with "reconnect=true", signed by the gateway

  @conformance
  Scenario: The care team's system is down for a while and then receives the event as it was signed
    Given Acme's care team system is down for the next 3 deliveries about her
    And Amara has connected her Sandbox account
    Then her care team's system hears "connection.created" about her Sandbox account, signed by the gateway
    And every attempt to deliver that "connection.created" event carried the same webhook-id

  @conformance
  Scenario: Amara's care team disconnects her wearable and hears of it
    Given Amara has connected her Sandbox account
    When Acme's care team disconnects her Sandbox account
    Then her care team's system hears "connection.revoked" about her Sandbox account with "reason=disconnected", signed by the gateway

  @conformance
  Scenario: Her first sync is heard of
    Given Amara has connected her Sandbox account
    Then her care team's system hears "sync.completed" about her Sandbox account, signed by the gateway

  Scenario: The instance that connected her dies before the event is delivered, and the event still arrives
    Given Acme's care team system is down
    And Amara has connected her Sandbox account
    When the instance that connected her is killed
    And Acme's care team system is back
    Then her care team's system hears "connection.created" about her Sandbox account with "reconnect=false", signed by the gateway
    And the instance that connected her is started again
