@topology
Feature: Keeping a connection through an outage
  Once a vendor has issued a patient's credentials, the gateway never loses them. If the sync queue cannot take the
  first data sync, she is connected all the same and her data is synced once the queue is back. If the FHIR store
  cannot take the credentials, they wait in the gateway's Redis, sealed, and are stored as soon as the FHIR store is
  back; until then her connection is pending, and her care team's system hears so while the FHIR store is still down.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A connection stored while the sync queue fails is a success, and its first sync runs once the queue is back

    Scenario: The sync queue fails after the Endpoint is written
      Given Amara's care team has started connecting her Sandbox wearable, returning her to the dashboard
      And the sync queue refuses new jobs
      When she approves access at Sandbox
      Then she is back on the dashboard, told that the connection succeeded
      And her Sandbox account is connected to her record
      And her record notes that her first data sync is still to be queued
      When the sync queue accepts jobs again
      Then her first data sync soon brings her Sandbox data into her record
      And her record no longer notes a data sync to be queued

  Rule: Credentials issued while the FHIR store is unreachable are kept sealed and stored once it is back

    Scenario: The FHIR store is unreachable when Amara comes back
      Given Amara's care team has started connecting her Sandbox wearable, returning her to the dashboard
      And the FHIR store is unreachable
      When she approves access at Sandbox
      Then she is back on the dashboard, told that the connection is pending
      And the credentials Sandbox issued are kept in the gateway's Redis only in sealed form
      And her Sandbox connection is listed as pending
      And her care team's system hears "connection.pending" about her Sandbox account, signed by the gateway
      When the FHIR store is reachable again
      Then her Sandbox account is soon connected to her record, with the credentials Sandbox issued
      And her Sandbox account is connected to her record
      And her care team's system hears "connection.created" about her Sandbox account with "reconnect=false", signed by the gateway
      And nothing is kept for her in the gateway's Redis any more
      And her first data sync soon brings her Sandbox data into her record
      And Sandbox's credentials for Amara appear nowhere in the FHIR store's database
      And neither they nor her authorization code and link appear in the gateway's log files

    Scenario: Without a dashboard to return to, the gateway says the connection is pending
      Given Amara's care team has started connecting her Sandbox wearable
      And the FHIR store is unreachable
      When she approves access at Sandbox
      Then the gateway tells her that her Sandbox connection is pending
      When the FHIR store is reachable again
      Then her Sandbox account is soon connected to her record, with the credentials Sandbox issued

    Scenario: An integration built for Mirobody's callback gets the pending stage
      Given Amara's care team has started connecting her Sandbox wearable
      And the FHIR store is unreachable
      When she approves access at Sandbox, which returns her through the Mirobody-compatible address
      Then the gateway reports the Sandbox connection as pending in Mirobody's terms
      When the FHIR store is reachable again
      Then her Sandbox account is soon connected to her record, with the credentials Sandbox issued
