Feature: Connecting through a vendor whose token service misbehaves
  After the patient approves, the gateway redeems her authorization at the vendor's token service. That service may
  break, hang, drip, ramble, redirect or answer nonsense. The patient is then told the connection failed, nothing
  half-made is kept, the vendor is asked only once (asking again would reuse the authorization), and the wait is
  bounded by the gateway's deadline. An answer that is usable but odd connects her on the gateway's terms.

  Faulty is a vendor simulated by the tests, configured in the gateway like any generic OAuth 2.0 provider.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A token answer the gateway cannot trust connects nothing, and the vendor is asked only once

    @conformance
    Scenario Outline: Faulty's token service <misbehaves>
      Given Amara's care team has started connecting her Faulty wearable
      And Faulty's token service <misbehaves>
      When she approves access at Faulty
      Then she is told that connecting Faulty failed, within the gateway's deadline
      And Faulty was asked for her tokens exactly once
      And her record holds no Faulty connection
      When she opens the same return link again
      Then she is told the link is no longer valid
      And Faulty was asked for her tokens exactly once

      Examples:
        | misbehaves                                        |
        | fails with a server error                         |
        | hangs past the gateway's deadline                 |
        | drips its answer slower than the deadline allows  |
        | answers with a body far over the size limit       |
        | answers with truncated JSON                       |
        | answers with an HTML page                         |
        | answers 200 with an empty body                    |
        | redirects the request to another host             |
        | answers 200 carrying an OAuth error               |
        | issues a token that is not a bearer token         |
        | issues no access token                            |
        | issues an access token over 8 KiB                 |

    Scenario: Faulty rejects the gateway's own client credentials
      Given Amara's care team has started connecting her Faulty wearable
      And Faulty's token service rejects the gateway's client credentials
      When she approves access at Faulty
      Then she is told that connecting Faulty failed, within the gateway's deadline
      And Faulty was asked for her tokens exactly once
      And her record holds no Faulty connection
      And the operators' log points at Faulty's client configuration without revealing the secret

  Rule: A usable answer connects her, on the gateway's terms

    Scenario: Faulty issues no refresh token
      Given Amara's care team has started connecting her Faulty wearable
      And Faulty's token service issues no refresh token
      When she approves access at Faulty
      Then her Faulty account is connected to her record
      And her Faulty connection holds the access token Faulty issued, expiring in an hour, and no refresh token

    @conformance
    Scenario: Faulty claims its token lives for ten thousand years
      Given Amara's care team has started connecting her Faulty wearable
      And Faulty's token service claims its token lives for ten thousand years
      When she approves access at Faulty
      Then her Faulty account is connected to her record
      And her Faulty connection's access token counts as expiring within 366 days
