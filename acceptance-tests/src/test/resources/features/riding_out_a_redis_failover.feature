@topology-failover
Feature: Riding out a Redis failover
  On Redis Sentinel or Redis Cluster a master can fail and its replica take its place. The gateway follows the new
  master by itself, and what it keeps in Redis comes through the failover: a return link made before it still works
  at most once, credentials waiting for the FHIR store are stored once it is back, and a sync waiting for its time runs.
  That holds for an orderly failover, and for a master that is killed (kill -9) before its replica has all it wrote.

  This feature needs a topology the tests can fail over, so only a run on one includes it
  (bash acceptance-tests/topologies/run.sh cluster, or sentinel); the run on the single Redis leaves it out.

  Background:
    Given Amara is a patient of the Acme care team

  Rule: A failover loses nothing the gateway keeps in Redis, and lets no return link work twice

    Scenario: The masters fail over while patients are on their way back, credentials wait and a sync waits
      Given 12 patients of the Acme care team have approved access at Sandbox and are on their way back
      And 4 of them are back already and connected
      And Amara has worn her Dexcom sensor for the last 3 days
      And Dexcom's data API answers her first request with 429, Retry-After 60 seconds
      And her care team connects her Dexcom sensor and she approves access
      And her first sync waits in the gateway's Redis until Dexcom's time
      And the FHIR store is unreachable
      And Bea comes back from Sandbox and is told her connection is pending, her credentials kept in the gateway's Redis
      When Redis fails over, every master to its replica, while care teams keep starting connections
      Then every connection started meanwhile was started, or refused because the state store was unavailable
      And both instances start connections again
      And Bea's credentials still wait in the gateway's Redis, unchanged
      And Amara's first sync still waits in the gateway's Redis
      When the FHIR store is reachable again
      Then Bea's Sandbox account is soon connected to her record, with the credentials Sandbox issued her
      And nothing is kept for Bea in the gateway's Redis any more
      When each return link arrives twice at once, once on each instance
      Then each return link connected its patient at most once, and every other arrival was told it is no longer valid
      And those who were back before the failover were told so on both arrivals
      And every patient a return link connected is connected to her record
      And Sandbox was asked for tokens once for each patient it connected
      When the time Dexcom asked for has passed
      Then her care team soon sees her last 3 days of glucose in her record

    Scenario: The masters are killed while return links arrive, and come back as replicas once replaced
      A killed master loses what its replica has not received yet, and comes back empty: it is started again only once
      its replica has taken its place, and rejoins as that replica's replica. On Sentinel the master is killed; on a
      cluster every master, one after the other.

      Given 12 patients of the Acme care team have approved access at Sandbox and are on their way back
      When the Redis masters are killed without warning while the return links keep arriving on both instances
      Then each return link that arrived meanwhile connected its patient, or was told it is no longer valid or that the state store was unavailable
      And both instances start connections again
      When each return link arrives twice at once, once on each instance
      Then each return link connected its patient at most once, and every other arrival was told it is no longer valid
      And every patient a return link connected is connected to her record
      And Sandbox was asked for tokens once for each patient a return link connected, and for no one else
