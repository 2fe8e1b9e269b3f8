package aero.severity.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearerAuth";

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    OperationExamples operationExamples() {
        return new OperationExamples();
    }

    @Bean
    OpenAPI severityOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Aviation accident severity API")
                        .version("v1")
                        .description("""
                                Calibrated probabilities of the NTSB highest-injury classes (FATL, SERS, MINR, NONE) for \
                                the facts known about a flight, and the NTSB accident data behind them.

                                Authenticate with `POST /api/v1/auth/token` (client credentials) and send the token as \
                                `Authorization: Bearer <token>`. Every error is an RFC 9457 problem detail \
                                (`application/problem+json`) whose `errors` list names each invalid field. Responses carry \
                                `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`; a 429 also `Retry-After`. Every \
                                response carries `X-Request-Id` (yours when you send a sane one) and `Server-Timing: \
                                app;dur=<ms>`, the time the api spent before writing the body.""")
                        .license(new License().name("Data: NTSB (US government, public domain)")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description(
                                                "Access token from POST /api/v1/auth/token (HS256, valid 15 minutes)")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
