package health.wearables.acceptance;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.IncludeTags;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The scenarios tagged {@code @conformance}, against a gateway reached through its public API only: a deployment of
 * a platform team's own ({@code -Pconformance}), or the build's first instance (the failsafe execution
 * {@code conformance}). The tag filter is JUnit's, so a {@code -Dcucumber.filter.tags} of one's own narrows the run
 * further and never widens it. The failsafe execution sets {@code conformance.run=true}, which takes the internals of
 * the gateway out of the steps' reach, and {@code cucumber.plugin}, where the report goes.
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features")
@IncludeTags("conformance")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "health.wearables.acceptance.steps")
public class RunConformanceIT {}
