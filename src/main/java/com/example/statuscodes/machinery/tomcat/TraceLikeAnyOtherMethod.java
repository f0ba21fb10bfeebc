package com.example.statuscodes.machinery.tomcat;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import java.io.IOException;

/**
 * {@code TRACE} answered like any other method a resource does not map: its own 405 with its own {@code Allow}
 * (RFC 9110 §15.5.6), as problem+json. Left to itself, Tomcat refuses every TRACE ({@code allowTrace=false}) with
 * one fixed {@code Allow} on every path, listing POST on a user and missing PATCH.
 * <p>
 * So the connector lets TRACE through, and the {@code dispatcherServlet} bean is one whose {@code doTrace} only
 * dispatches: Spring's {@code FrameworkServlet.doTrace} falls back to {@code HttpServlet}'s echo of the request
 * whenever no handler answered in {@code message/http}, and that echo is Cross-Site Tracing (XST): a script reading
 * back the {@code Authorization} and {@code Cookie} headers it cannot read otherwise. No handler here maps TRACE, so
 * every TRACE ends in the advice's 405 (or the 401 of the security chain before it). A bean of this name makes Spring
 * Boot's own ({@code DispatcherServletAutoConfiguration}) step back; its registration stays Spring Boot's, and the
 * {@code spring.mvc.*} settings it would have applied are applied here.
 */
@Configuration(proxyBeanMethods = false)
class TraceLikeAnyOtherMethod implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
    }

    @Bean(name = DispatcherServletAutoConfiguration.DEFAULT_DISPATCHER_SERVLET_BEAN_NAME)
    DispatcherServlet dispatcherServlet(WebMvcProperties properties) {
        DispatcherServlet servlet = new TraceDispatchedNeverEchoed();
        servlet.setDispatchOptionsRequest(properties.isDispatchOptionsRequest());
        servlet.setDispatchTraceRequest(true);
        servlet.setPublishEvents(properties.isPublishRequestHandledEvents());
        servlet.setEnableLoggingRequestDetails(properties.isLogRequestDetails());
        return servlet;
    }

    static final class TraceDispatchedNeverEchoed extends DispatcherServlet {

        @Override
        protected void doTrace(HttpServletRequest request, HttpServletResponse response)
                throws ServletException, IOException {
            processRequest(request, response);
        }
    }
}
