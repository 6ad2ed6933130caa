@third-instance
Feature: Riding out an outage of the state store
  Every connection in progress lives in Redis until the patient comes back. Without Redis the gateway cannot know
  whether a return link is genuine, so it refuses plainly and at once, both to start a connection and to complete one,
  and it never redeems an authorization it could not check. When Redis is back it works again by itself.

  These scenarios run on the third gateway instance: same configuration and FHIR store as the others, but a Redis of
  its own that the tests stop and start again.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: While the state store is down, no connection starts or completes

    @stops-redis
    Scenario: Redis stops while Amara is at the vendor
      Given Amara's care team has started connecting her Sandbox wearable on the third instance
      And she has approved access at Sandbox and is on her way back
      When the third instance's Redis stops
      Then a connection started on the third instance is refused because the state store is unavailable
      And her return to the third instance is refused because the state store is unavailable
      And nothing is connected for her
      And the third instance reports itself not ready

    @stops-redis @connect-page
    Scenario: Amara opens her connect link while Redis is down
      Given her care team has created a connect link for her on the third instance, offering only Sandbox
      When the third instance's Redis stops
      And she opens the link
      Then a page tells her that the service is briefly unavailable, to try again in a moment, and to ask her care team for a new link if it no longer works then
      When the third instance's Redis starts again
      Then within 30 seconds the link tells her it can no longer be used, and to ask her care team for a new one

  Rule: When the state store is back, the gateway recovers without being restarted

    @stops-redis
    Scenario: Redis comes back after an outage
      Given the third instance's Redis has been down
      When the third instance's Redis starts again
      Then within 30 seconds the third instance starts connections again
      And the third instance reports itself ready
      And Amara can connect her Sandbox wearable on the third instance
