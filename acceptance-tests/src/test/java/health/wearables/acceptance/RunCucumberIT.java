package health.wearables.acceptance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The features, against the gateway that the build started on Liberty. Besides the console, the run leaves its living
 * documentation under {@code target/cucumber-report/}: {@code index.html} (every feature and scenario with its steps,
 * for people) and {@code cucumber.json} (for tools).
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "health.wearables.acceptance.steps")
@ConfigurationParameter(
        key = PLUGIN_PROPERTY_NAME,
        value = "pretty, summary, html:target/cucumber-report/index.html,"
                + " json:target/cucumber-report/cucumber.json")
public class RunCucumberIT {}
