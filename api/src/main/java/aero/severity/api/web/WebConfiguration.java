package aero.severity.api.web;

import java.util.Arrays;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean
    ApiErrors apiErrors(MeterRegistry meters) {
        return new ApiErrors(meters);
    }

    /**
     * Requests Tomcat refuses before the api sees them are answered as problem details too, and
     * counted. The valve goes in as an instance (it holds the counter) when the host starts, in place
     * of the plain {@link ErrorReportValve} Spring Boot adds to hide Tomcat's version; naming its class
     * as the host's error report valve keeps Tomcat from adding one of its own.
     */
    @Bean
    TomcatContextCustomizer containerErrorReport(ApiErrors errors) {
        return context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorReport.class.getName());
                host.addLifecycleListener(event -> {
                    if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                        useContainerErrorReport(host.getPipeline(), errors);
                    }
                });
            }
        };
    }

    private static void useContainerErrorReport(Pipeline pipeline, ApiErrors errors) {
        for (Valve valve : pipeline.getValves()) {
            if (valve.getClass() == ErrorReportValve.class) {
                pipeline.removeValve(valve);
            }
        }
        if (Arrays.stream(pipeline.getValves()).noneMatch(ContainerErrorReport.class::isInstance)) {
            pipeline.addValve(new ContainerErrorReport(errors));
        }
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestId() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(
            RequestLimitProperties properties,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.maxBodySize().toBytes(), resolver));
        registration.addUrlPatterns("/api/*");
        // before security: an oversized body is refused without reading it, authenticated or not
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
        return registration;
    }
}
