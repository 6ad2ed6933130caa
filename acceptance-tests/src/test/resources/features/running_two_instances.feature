@topology
Feature: Running the gateway as two instances
  A platform runs several gateway instances behind its load balancer, sharing one Redis and one FHIR store. A patient
  may start on one instance and come back through another, and a return link still works exactly once.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: Any instance completes a connection that another instance started

    Scenario: Amara starts on one instance and comes back through the other
      Given Amara's care team has started connecting her Sandbox wearable
      When she approves access at Sandbox and comes back through the other instance
      Then the gateway confirms that her Sandbox account is connected
      And her Sandbox account is connected to her record

  Rule: A return link works once, however many instances receive it at the same moment

    Scenario: The same return link arrives 32 times at once, spread over both instances
      Given Amara's care team has started connecting her Sandbox wearable
      When her return link from Sandbox arrives 32 times at once, spread over both instances
      Then exactly one arrival connects her and the other 31 are told the link is no longer valid
      And Sandbox was asked for her tokens only once
      And her Sandbox account is connected to her record
