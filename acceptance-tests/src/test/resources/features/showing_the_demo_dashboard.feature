@demo-dashboard
Feature: Showing the demo dashboard
  A newcomer runs the demo WAR and opens one URL: a dashboard of the demo project that connects the demo patient with
  one click through the gateway's connect page, lists the project's connections with their status, and charts her
  synced data from the gateway's own FHIR search. Only the demo WAR in demo mode has it.

  Scenario: The production gateway has no dashboard
    Then the demo instance serves the dashboard, and sends a browser at its root there
    But the production gateway answers 404 at each of the dashboard's addresses

  Scenario: The connect button works only from the dashboard itself
    Given the demo dashboard has been opened
    Then its page runs no script, loads nothing from elsewhere and cannot be framed
    And its connect form carries a token that is also in a SameSite=Strict cookie
    When the connect button is posted from another site's page
    Then nothing is connected and the answer says the button works only on the dashboard
    When the connect button is posted without the dashboard's cookie
    Then nothing is connected and the answer says the form has expired

  @browser
  Scenario: A newcomer connects the demo patient with one click and sees her data charted
    Given a newcomer opens the demo gateway's address in her browser
    Then she sees the demo dashboard with no connection and nothing to chart
    When she presses the dashboard's connect button
    Then the gateway's connect page offers the demo wearable
    When she chooses it and signs in on the demo provider's sign-in form
    Then her browser is back on the dashboard, which lists the demo patient's connection as active
    And once the first sync is done, the dashboard charts her steps per day, resting heart rate and sleep per night
    And the charted steps are the ones the gateway's FHIR search answers for the demo project
    And the demo project's API key appears in the demo instance's logs only in its start banner
