package aero.severity.api.openapi;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents the error answers every operation can give, as RFC 9457 problem details with an
 * example each: 400 with the named fields, 401, 403 on admin operations, 409 for an explanation the
 * model cannot give, 429 with the rate-limit headers, 503 where a model or the database is needed.
 */
final class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMA_REF = "#/components/schemas/Problem";

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("Problem", problemSchema());
        openApi.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                ApiResponses responses = operation.getResponses();
                boolean tokenEndpoint = path.equals("/api/v1/auth/token");
                responses.addApiResponse(
                        "400", problem("Invalid input: each wrong field named in errors", """
                        {"type":"urn:severity:problem:validation-error","title":"Invalid request","status":400,
                         "detail":"pilotAge: must be 12-100 years","instance":"%s","requestId":"9f1c2a7b3d4e5f60",
                         "errors":[{"field":"pilotAge","message":"must be 12-100 years"}]}""".formatted(path)));
                responses.addApiResponse(
                        "401",
                        problem(
                                tokenEndpoint
                                        ? "Unknown client, wrong secret or disabled client"
                                        : "No token, or a token that is expired, forged or for another audience",
                                """
                        {"type":"urn:severity:problem:unauthorized","title":"Unauthorized","status":401,
                         "detail":"the bearer token was rejected: token expired","instance":"%s"}""".formatted(path)));
                if (!tokenEndpoint) {
                    responses.addApiResponse(
                            "429",
                            problem("Rate limit of the client's tier reached; see Retry-After", """
                            {"type":"urn:severity:problem:rate-limited","title":"Rate limit reached","status":429,
                             "detail":"rate limit of 100 requests for tier FREE reached; retry in 36 s","tier":"FREE",
                             "instance":"%s"}""".formatted(path)));
                }
                if (path.startsWith("/api/v1/admin") || path.equals("/api/v1/models/reload")) {
                    responses.addApiResponse("403", problem("The client's role is not ADMIN", """
                            {"type":"urn:severity:problem:forbidden","title":"Forbidden","status":403,
                             "detail":"this operation needs the ADMIN role","instance":"%s"}""".formatted(path)));
                }
                if (path.startsWith("/api/v1/predict")) {
                    responses.addApiResponse(
                            "409",
                            problem("explain=true for a model kind that cannot explain (none today)", """
                            {"type":"urn:severity:problem:explanation-unavailable","title":"Explanation unavailable","status":409,
                             "detail":"the model serving now (version 7) cannot explain its predictions; ask without explain=true",
                             "instance":"%s"}""".formatted(
                                            path)));
                }
                if (path.startsWith("/api/v1/predict") || path.startsWith("/api/v1/models")) {
                    responses.addApiResponse(
                            "503",
                            problem("No model loaded yet, or the registry could not serve a reload", """
                            {"type":"urn:severity:problem:no-model-loaded","title":"No model loaded","status":503,
                             "detail":"no model is loaded yet","instance":"%s"}""".formatted(
                                            path)));
                }
                if (path.startsWith("/api/v1/events")
                        || path.startsWith("/api/v1/analytics")
                        || path.startsWith("/api/v1/admin")
                        || tokenEndpoint) {
                    responses.addApiResponse(
                            "503",
                            problem("The database cannot be reached right now; see Retry-After", """
                            {"type":"urn:severity:problem:database-unavailable","title":"Database unavailable","status":503,
                             "detail":"the event database cannot be reached right now; try again later (predictions do not need it)",
                             "instance":"%s"}""".formatted(path)));
                }
            }
        });
    }

    private static ApiResponse problem(String description, String example) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                PROBLEM_JSON,
                                new MediaType()
                                        .schema(new Schema<>().$ref(SCHEMA_REF))
                                        .addExamples("example", new Example().value(example))));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema field = new ObjectSchema();
        field.addProperty(
                "field", new StringSchema().description("JSON path of the body field or name of the parameter"));
        field.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema().example("urn:severity:problem:validation-error"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("requestId", new StringSchema().description("also in the X-Request-Id header"));
        problem.addProperty("errors", new ArraySchema().items(field));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
