@lifecycle
Feature: Ending a connection
  A connection ends when the care team disconnects the patient's wearable, when the patient removes the app's access
  at her vendor, or when the vendor retires the provider. An ended connection is never synced again, the vendor is
  asked to revoke the grant the care team gave up, and nothing of its tokens is left in the gateway's database. The
  vendors also tell the gateway when a patient has new data; what they did not send changes nothing.

  The vendors are simulated by the tests, their OAuth servers, data APIs and notifications as each vendor documents
  them; the gateway knows them as its built-in providers, pointed at the simulators.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A care team that disconnects a wearable ends the connection, and the vendor is asked once to revoke the grant

    @conformance
    Scenario: Amara disconnects her WHOOP from the dashboard
      Given Amara has connected her WHOOP strap, and her last 3 days are in her record
      When her care team disconnects her WHOOP strap
      Then the gateway confirms the disconnection
      And WHOOP was asked once to revoke her access, with her access token
      And her WHOOP strap connection is listed as revoked
      And her care team's request for a sync of her WHOOP strap is refused, as the connection is not active
      When her care team disconnects her WHOOP strap again
      Then the gateway confirms the disconnection
      And WHOOP was asked once to revoke her access, with her access token
      And her access token no longer works at WHOOP

    # hostile case 62: no token ciphertext of any version of the connection is left in any row
    Scenario: WHOOP's revocation endpoint fails when Amara's care team disconnects her strap
      Given Amara has worn her WHOOP strap for the last 3 days
      And WHOOP issues her an access token that expires in 310 seconds
      And her care team connects her WHOOP strap and she approves access
      And her care team soon sees her last 3 days of resting heart rate and sleep in her record
      And the gateway keeps her first tokens sealed in her WHOOP strap connection
      And her access token is now within the refresh margin
      And her care team asks for a sync of her WHOOP strap now
      And the gateway soon keeps her refreshed tokens sealed in her WHOOP strap connection
      And WHOOP's revocation endpoint fails for a while
      When her care team disconnects her WHOOP strap
      Then the gateway confirms the disconnection at once
      And her WHOOP strap connection is listed as revoked
      And no row of the gateway's database holds any of her tokens, sealed or in plain text, of any version of her WHOOP strap connection
      And WHOOP soon revokes her access, asked again by the gateway after it failed

  Rule: A care team can delete the data a connection brought when it disconnects it

    @conformance
    Scenario: Amara's care team disconnects her Oura ring and deletes what it brought
      Given Amara has connected her Oura ring, and her last 3 days are in her record
      And Bongani, another patient of the Acme care team, has connected his Oura ring, and his data is in his record
      When her care team disconnects her Oura ring, deleting the data it brought
      Then the gateway confirms the disconnection
      And her record holds no Observation and no Device of her Oura ring
      And Bongani's record still holds his Oura ring data
      And her access token no longer works at Oura

  Rule: A patient who removes the app's access at her vendor is not synced again

    # Oura and WHOOP document no deauthorization notification; Withings does (appli 46, action unlink)
    @conformance
    Scenario: Amara removes the app's access at Withings
      Given Amara has connected her Withings scale, and her last 3 days are in her record
      When Withings notifications arrive at the gateway's Withings address without its verify token, and with another
      Then the gateway refuses each as invalid
      And her Withings scale is not synced again, and stays active
      When Withings tells the gateway that Amara unlinked the app
      Then the gateway acknowledges the notification
      And her Withings scale connection is soon listed as revoked
      When Withings tells the gateway that new data of Amara's is available
      Then the gateway acknowledges the notification
      And her Withings scale is not synced again

    # Oura sends no notification when she removes the app: the gateway learns it when Oura refuses her tokens
    @conformance
    Scenario: Amara removes the app's access at Oura
      Given Amara has connected her Oura ring, and her last 3 days are in her record
      When Amara removes the app's access at Oura
      And her care team asks for a sync of her Oura ring now
      Then her Oura ring connection is soon listed as needing her to connect again
      And her care team's system hears "connection.reauth_required" about her Oura ring, signed by the gateway
      And her care team's request for a sync of her Oura ring is refused, as the connection is not active
      And her Oura ring is not synced again

  Rule: A vendor's news of new data brings a sync of the patient's active connection

    @conformance
    Scenario: Oura tells the gateway that Amara's ring has new data
      Given Amara has connected her Oura ring, and her last 3 days are in her record
      And her Oura ring records a new heart rate, and Oura revises yesterday's steps
      When Oura tells the gateway that new data of Amara's is available
      Then the gateway acknowledges the notification
      And her Oura ring is soon synced again
      And her care team soon sees the new heart rate in her record

  Rule: A notification the vendor did not send, or sent before, changes nothing

    # hostile cases 59 (signature, stale, replayed) and 61 (users the gateway does not have)
    @conformance
    Scenario: Notifications about Amara's WHOOP strap that WHOOP did not send, or sent before
      Given Amara has connected her WHOOP strap, and her last 3 days are in her record
      When WHOOP tells the gateway that new data of Amara's is available
      Then the gateway acknowledges the notification
      And her WHOOP strap is soon synced again
      When these notifications of new data for Amara arrive at the gateway's WHOOP address:
        | the genuine one, a second time          |
        | one without WHOOP's signature           |
        | one whose body is not what WHOOP signed |
        | one signed with another secret          |
        | one signed by WHOOP 6 minutes ago       |
      Then the gateway refuses each as invalid
      And her WHOOP strap is not synced again, and stays active
      When Withings tells the gateway's Withings address that these users unlinked the app:
        | a user the gateway does not know |
        | Amara's WHOOP user id            |
      Then the gateway acknowledges each
      And her WHOOP strap connection is still active

    # hostile case 60
    @conformance
    Scenario: Oura checks the gateway's address with the wrong verification token, then with the right one
      When Oura checks the gateway's Oura address with a verification token that is not the configured one
      Then the gateway refuses each as invalid
      When Oura checks the gateway's Oura address with the configured verification token
      Then the gateway answers with Oura's challenge

  Rule: A provider whose retirement has come connects no one, and names its successor

    # Google turned the legacy Fitbit Web API off on 2026-10-30 (hostile case 67)
    @conformance
    Scenario: Amara's care team tries to connect her Fitbit after its retirement
      When the Acme project starts a connection to the provider "fitbit"
      Then the answer is 410 with error code "PROVIDER_RETIRED"
      And the error names "google-health" as the successor
