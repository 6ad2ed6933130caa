Feature: Keeping patients' connections private
  Vendor credentials are patients' keys to their own data: other projects never see them, and they are never kept
  or written anywhere in readable form.

  Background:
    Given Amara is a patient of the Acme care team
    And Amara has connected her Sandbox account

  Rule: A project sees only its own patients' connections

    Scenario: Acme sees Amara's connection
      When the Acme care team lists Amara's connections
      Then they see her Sandbox connection, without any credential

    @conformance
    Scenario: Another project cannot see Amara's connection
      When the Globex project lists Amara's connections
      Then Globex sees no connection
      And Globex cannot read Amara's Sandbox record

  Rule: Vendor credentials are never stored or logged in readable form

    Scenario: The credentials Sandbox issued are nowhere in plain text
      Then Sandbox's credentials for Amara appear nowhere in the FHIR store's database
      And neither they nor her authorization code and link appear in the gateway's log files
