@connect-page
Feature: Connecting through the connect page
  Instead of handing a patient an authorization URL, a care team asks the gateway for a connect link: a page of the
  gateway's own that lists the wearable services the team chose, sends her to the one she picks, and tells her how it
  ended. The link works once and for 30 minutes, and the page never holds the care team's API key.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A care team gets a short-lived link with its project API key

    @conformance
    Scenario: The care team creates a connect link offering two services
      When her care team creates a connect link for her offering Sandbox and Login Sandbox
      Then they get a link to the gateway's connect page, valid for 30 minutes

    @conformance
    Scenario: No link is handed out without the project's API key
      When a connect link for her is asked for without an API key
      Then no link is handed out and the caller is told to authenticate

    @conformance
    Scenario: No link offers a service the gateway does not connect to
      When her care team asks for a connect link offering a service the gateway does not know
      Then no link is handed out and the request is refused as invalid

    @conformance
    Scenario: No link sends her back outside the care team's addresses
      When her care team asks for a connect link returning her to an address outside its allowed ones
      Then no link is handed out and the request is refused as invalid

  Rule: The page lists the offered services by name, and nobody can frame it or run script in it

    @conformance
    Scenario: The page offers the chosen services by name
      Given her care team has created a connect link for her offering Sandbox and Login Sandbox
      When she opens the link
      Then the page offers "Sandbox wearable" and "Login Sandbox"
      And the page runs no script, cannot be framed and is not cached

  Rule: Choosing a service starts its authorization, and she reads how it ended

    @conformance
    Scenario: Amara connects through the page and reads that it worked
      Given her care team has created a connect link for her offering Sandbox and Login Sandbox
      When she chooses Sandbox on the page and approves access there
      Then a page tells her that her "Sandbox wearable" account is connected
      And her Sandbox account is connected to her record

    @conformance
    Scenario: With a return address, she ends on the care team's dashboard
      Given her care team has created a connect link for her offering Sandbox, returning her to the dashboard
      When she chooses Sandbox on the page and approves access there
      Then she is back on the dashboard, told that the connection succeeded

    @conformance
    Scenario: Declining at the service ends on a page that says so and what to do
      Given her care team has created a connect link for her offering only Sandbox
      And she has chosen Sandbox on her connect page
      When she declines access there
      Then a page tells her that she did not approve sharing, and to ask her care team for a new link
      And nothing is connected for her

    @browser @conformance
    Scenario: Amara connects in her browser, through the service's own sign-in form
      Given her care team has created a connect link for her offering Sandbox and Login Sandbox
      When she opens the link in her browser
      And she chooses Login Sandbox in her browser and signs in on its sign-in form
      Then her browser shows that her Login Sandbox account is connected
      And her Login Sandbox account is connected to her record

  Rule: A link works once, and for 30 minutes

    @conformance
    Scenario: A link that was used cannot be used again
      Given her care team has created a connect link for her offering only Sandbox
      And she has chosen Sandbox on her connect page
      When she opens the link again
      Then the page tells her the link can no longer be used, and to ask her care team for a new one

    @conformance
    Scenario: A link that was used starts nothing when chosen from again
      Given her care team has created a connect link for her offering only Sandbox
      And she has chosen Sandbox on her connect page
      When she chooses Sandbox on the page again
      Then the page tells her the link can no longer be used, and to ask her care team for a new one

    @browser
    Scenario: An expired link says so in her browser
      Given her care team has created a connect link for her offering only Sandbox
      And the link has expired
      When she opens the expired link in her browser
      Then her browser shows that the link can no longer be used, and to ask her care team for a new one

    @browser @conformance
    Scenario: A link used in her browser cannot be used again
      Given her care team has created a connect link for her offering only Sandbox
      When she opens the link in her browser
      And she chooses Sandbox in her browser
      Then her browser shows that her Sandbox wearable account is connected
      When she opens the link in her browser again
      Then her browser shows that the link can no longer be used, and to ask her care team for a new one

  Rule: Only the services the link offers can be chosen

    @browser @conformance
    Scenario: A service the link does not offer is refused, and the link still works
      Given her care team has created a connect link for her offering only Sandbox
      When she opens the link in her browser
      And a service the link does not offer, Other Sandbox, is submitted from her browser
      Then her browser shows that the service is not offered, and still offers Sandbox
      And the link still connects her Sandbox account when she chooses it in her browser
