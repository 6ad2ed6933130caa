package health.wearables.adapters.rest.in.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors the servlet container makes outside JAX-RS, on cue: {@code /container/<status>} is {@code sendError(status)}
 * (as Liberty does for a path it will not route, such as an encoded {@code ../}), {@code /container/throw} a failure
 * no one catches. Test-only: the WAR has nothing here.
 */
public class ContainerRefusals extends HttpServlet {
    static final String PATH = "/container";
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String what = request.getPathInfo().substring(1);
        if (what.equals("throw")) {
            throw new ServletException("the container failed: secret-looking text ya29.abc");
        }
        response.setHeader("Allow", "GET");
        response.sendError(Integer.parseInt(what), "container's own text: <b>HTML</b>");
    }
}
