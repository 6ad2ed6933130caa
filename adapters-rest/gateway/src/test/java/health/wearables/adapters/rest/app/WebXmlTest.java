package health.wearables.adapters.rest.app;

import static org.assertj.core.api.Assertions.assertThat;

import health.wearables.adapters.rest.in.api.ErrorPageServlet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The WAR's web.xml sends every error of the container to the HTTP API's error page, and leaves annotations on. */
class WebXmlTest {
    private static final Path WEB_XML = Path.of("src/main/webapp/WEB-INF/web.xml");

    @Test
    void every_status_and_every_exception_goes_to_the_apis_error_page() throws Exception {
        Element webApp = read().getDocumentElement();
        List<String> pages = new ArrayList<>();
        NodeList errorPages = webApp.getElementsByTagNameNS("*", "error-page");
        for (int i = 0; i < errorPages.getLength(); i++) {
            Element page = (Element) errorPages.item(i);
            pages.add(text(page, "error-code") + "|" + text(page, "exception-type") + "|" + text(page, "location"));
        }

        assertThat(pages)
                .containsExactlyInAnyOrder(
                        "|java.lang.Throwable|" + ErrorPageServlet.PATH, "||" + ErrorPageServlet.PATH);
    }

    @Test
    void servlets_filters_and_resources_are_still_found_by_their_annotations() throws Exception {
        assertThat(read().getDocumentElement().getAttribute("metadata-complete"))
                .isIn("", "false");
    }

    private static Document read() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(WEB_XML.toFile());
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS("*", name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
