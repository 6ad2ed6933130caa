@topology
Feature: Connecting a patient's wearable to her record
  A care team starts the connection from its dashboard; the patient approves access at the wearable's vendor and
  comes back through the gateway, which keeps the vendor's credentials with her record.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A patient who approves access is connected and returns to the dashboard

    @conformance
    Scenario: Amara approves access and is back on her dashboard
      Given Amara's care team has started connecting her Sandbox wearable, returning her to the dashboard
      When she approves access at Sandbox
      Then her Sandbox account is connected to her record
      And she is back on the dashboard, told that the connection succeeded
      And her first data sync soon brings her Sandbox data into her record

    @conformance
    Scenario: Without a dashboard to return to, the gateway confirms the connection itself
      Given Amara's care team has started connecting her Sandbox wearable
      When she approves access at Sandbox
      Then the gateway confirms that her Sandbox account is connected
      And her Sandbox account is connected to her record

    @conformance
    Scenario: An integration built for Mirobody's callback gets its completion stage
      Given Amara's care team has started connecting her Sandbox wearable
      When she approves access at Sandbox, which returns her through the Mirobody-compatible address
      Then the gateway reports the Sandbox connection as completed in Mirobody's terms
      And her Sandbox account is connected to her record

  Rule: Connecting again renews the same connection

    @conformance
    Scenario: Amara connects her Sandbox account a second time
      Given Amara's Sandbox account is already connected to her record
      When her care team connects her Sandbox wearable again and she approves access
      Then her record still holds one Sandbox connection, renewed

  Rule: A return link from the vendor works once, for the vendor it was made for, while it is fresh

    @conformance
    Scenario: Amara opens the return link a second time
      Given Amara has connected her Sandbox account
      When she opens the same return link again
      Then she is told the link is no longer valid
      And Sandbox was asked for her tokens only once

    @conformance
    Scenario: A link scanner looks at the return link before Amara opens it
      Given Amara's care team has started connecting her Sandbox wearable
      When a link scanner checks her return link from Sandbox before she opens it
      Then the return link still connects her Sandbox account when she opens it

    Scenario: Amara takes too long at the vendor
      Given Amara's care team has started connecting her Sandbox wearable
      And she approves access at Sandbox after the link has expired
      Then she is told the link is no longer valid
      And nothing is connected for her

    @conformance
    Scenario: A link made for one vendor comes back from another
      Given Amara's care team has started connecting her Sandbox wearable
      When the return arrives on the address of another vendor, Other Sandbox
      Then she is told the link belongs to another vendor
      And nothing is connected for her

  Rule: A patient who does not approve is not connected

    @conformance
    Scenario: Amara declines access
      Given Amara's care team has started connecting her Sandbox wearable
      When she declines access at Sandbox
      Then she is told that Sandbox did not grant access
      And nothing is connected for her

    @conformance
    Scenario: Amara allows less access than the connection needs
      Given Amara's care team has started connecting her Sandbox wearable
      When she approves at Sandbox only part of the access it asked for
      Then she is told that Sandbox did not grant the access the connection needs
      And her record holds no Sandbox connection

    @conformance
    Scenario: The vendor sends her back without an authorization
      Given Amara's care team has started connecting her Sandbox wearable
      When Sandbox sends her back without an authorization code
      Then she is told the return from Sandbox is incomplete
      And nothing is connected for her
