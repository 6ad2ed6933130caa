@topology
Feature: Syncing a wearable's data into the patient's record
  Once a patient has connected her wearable, the gateway reads her data from the vendor's API and writes it into her
  FHIR record, where her care team reads it: her last 30 days at once, then whatever is new, on a schedule or when the
  care team asks. An access token about to run out is refreshed first; a vendor that no longer honours her refresh
  token means she must connect again.

  The vendors are simulated by the tests, their OAuth servers and data APIs answering in each vendor's documented
  format; the gateway knows them as its built-in providers, pointed at the simulators.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: Connecting a wearable brings the last 30 days of its data into her record

    @conformance
    Scenario Outline: Amara connects her <wearable>
      Given Amara has worn her <wearable> for the last 30 days
      When her care team connects her <wearable> and she approves access
      Then her care team soon sees her last 30 days of <data> in her record
      And each of them is a final Observation of Amara, made by her <wearable>
      And her <wearable> connection is listed as synced

      Examples:
        | wearable       | data                                                  |
        | Oura ring      | daily steps, heart rate, resting heart rate and sleep |
        | Withings scale | weight, daily steps and sleep                         |
        | WHOOP strap    | resting heart rate, sleep and weight                  |
        | Dexcom sensor  | glucose                                               |
        | Pixel Watch    | steps, heart rate and weight                          |

  Rule: A sync her care team asks for brings what is new, once, and a revised value as a new version of it

    @conformance
    Scenario: Amara's ring records more after she connected, and Oura revises a day
      Given Amara has connected her Oura ring, and her last 3 days are in her record
      When her Oura ring records a new heart rate, and Oura revises yesterday's steps
      And her care team asks for a sync of her Oura ring now
      Then the gateway accepts the request with a job id
      And her care team soon sees the new heart rate in her record
      And yesterday's steps are version 2 of the same Observation, with the revised count
      And every record of her Oura ring is in her record once

  Rule: A project asks for syncs of its own patients' connections only

    @conformance
    Scenario: A sync of a connection the project does not have
      When the Acme project asks for a sync of Amara's Oura ring, which she never connected
      Then the answer is 404 with error code "CONNECTION_NOT_FOUND"

    @conformance
    Scenario: A sync of another project's connection
      Given Amara has connected her Oura ring, and her last 3 days are in her record
      When the Globex project asks for a sync of Amara's Oura ring
      Then the answer is 404 with error code "CONNECTION_NOT_FOUND"

  Rule: An access token about to run out is refreshed before her data is read

    @conformance
    Scenario: Amara's access token runs out within the refresh margin
      Given Amara has worn her WHOOP strap for the last 3 days
      And WHOOP issues her an access token that expires in 60 seconds
      When her care team connects her WHOOP strap and she approves access
      Then her care team soon sees her last 3 days of resting heart rate and sleep in her record
      And WHOOP was asked once to refresh her tokens, before her data was read
      And WHOOP's data API saw only the refreshed access token
      And her WHOOP strap connection's access token now expires in about an hour

  Rule: A vendor that no longer honours her refresh token means she must connect again

    @conformance
    Scenario: WHOOP refuses to refresh Amara's tokens
      Given Amara has worn her WHOOP strap for the last 3 days
      And WHOOP issues her an access token that expires in 60 seconds
      And WHOOP refuses to refresh her tokens
      When her care team connects her WHOOP strap and she approves access
      Then her WHOOP strap connection is soon listed as needing her to connect again
      And her care team's request for a sync of her WHOOP strap is refused, as the connection is not active
      When her care team connects her WHOOP strap again and she approves access
      Then her care team soon sees her last 3 days of resting heart rate and sleep in her record
      And her WHOOP strap connection is listed as synced

  Rule: However many syncs need a refresh at the same moment, the vendor is asked once

    # 345 s: the gateway refreshes a token within 300 s of its expiry, so her first sync must be over within 45 s of
    # the token's issue, or it refreshes before the 16 syncs are asked for (seen with 315 s on a loaded machine).
    Scenario: 16 syncs of Amara's WHOOP strap at once, spread over both instances, as her access token runs out
      Given Amara has worn her WHOOP strap for the last 3 days
      And WHOOP issues her an access token that expires in 345 seconds
      And her care team connects her WHOOP strap and she approves access
      And her care team soon sees her last 3 days of resting heart rate and sleep in her record
      And her access token is now within the refresh margin
      When her care team asks for 16 syncs of her WHOOP strap at once, spread over both instances
      Then all 16 are accepted, each with a job id of its own
      And all of them soon finish, none failed, none left in the queue
      And WHOOP was asked once to refresh her tokens, after the syncs were asked for, and never with a used refresh token
      And every read of her data at WHOOP since that refresh carried the refreshed access token
      And her WHOOP strap connection is still active

  Rule: A vendor that asks the gateway to slow down is obeyed

    @conformance
    Scenario: Dexcom's data API asks the gateway to come back a few seconds later
      Given Amara has worn her Dexcom sensor for the last 3 days
      And Dexcom's data API answers her first request with 429, Retry-After 4 seconds
      When her care team connects her Dexcom sensor and she approves access
      Then her care team soon sees her last 3 days of glucose in her record
      And Dexcom's data API was not asked again for her data until 4 seconds after its 429

  Rule: A sync that an instance could not finish is finished by another

    Scenario: The instance reading Amara's data dies in the middle of it
      Given Amara has worn her Dexcom sensor for the last 3 days
      And Dexcom's data API hangs on her first request
      When her care team connects her Dexcom sensor and she approves access
      And the instance reading her data from Dexcom is killed while it waits for the answer
      Then the other instance soon finishes the sync
      And the killed instance is started again
      And her care team soon sees her last 3 days of glucose in her record
