package com.example.statuscodes.auth;

import com.example.statuscodes.errors.ProblemResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * Every 403: authenticated, but not allowed. URL rules and {@code @PreAuthorize} deny with Spring's generic
 * "Access Denied", so they get this handler's {@code defaultDetail} (per path, see {@code SecurityConfig});
 * a {@link ForbiddenException} from the application carries its own reason.
 */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemResponseWriter writer;
    private final String defaultDetail;

    public ProblemAccessDeniedHandler(ProblemResponseWriter writer, String defaultDetail) {
        this.writer = writer;
        this.defaultDetail = defaultDetail;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        String detail = exception instanceof ForbiddenException ? exception.getMessage() : defaultDetail;
        writer.write(request, response, HttpStatus.FORBIDDEN, detail);
    }
}
