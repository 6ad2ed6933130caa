package health.wearables.adapters.rest.in.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet container's error page (the WAR's {@code web.xml} sends every error here): what the container refuses
 * before the API sees the request (a path it cannot route, such as an encoded {@code ../}) is answered in the API's
 * error shape, like everything else, instead of an HTML page. Asked for directly, there is nothing here: 404.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {
    /** Where {@code web.xml}'s {@code <error-page>} entries point. */
    public static final String PATH = "/gateway-error";

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code
                ? code
                : HttpServletResponse.SC_NOT_FOUND;
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(ErrorShape.json(ErrorShape.code(status), ErrorShape.message(status)));
    }
}
