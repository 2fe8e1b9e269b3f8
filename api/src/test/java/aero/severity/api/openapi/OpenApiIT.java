package aero.severity.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI 3 document describes the bearer scheme, the endpoints, the NTSB codes and examples. */
class OpenApiIT extends FullStackTest {

    @Test
    void documentIsPublicAndDeclaresTheBearerScheme() {
        Http.Reply reply = http().get("/v3/api-docs");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        JsonNode scheme = doc.get("components").get("securitySchemes").get("bearerAuth");
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        assertThat(scheme.get("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.get("security").get(0).has("bearerAuth")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/auth/token").get("post").get("security").size())
                .as("the token endpoint needs no token").isZero();
    }

    @Test
    void documentListsTheEndpoints() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames()).contains("/api/v1/auth/token", "/api/v1/predict", "/api/v1/predict/batch",
                "/api/v1/models/current", "/api/v1/models/reload", "/api/v1/admin/clients");
    }

    @Test
    void predictHasExamplesAndTheSchemaUsesNtsbCodes() {
        JsonNode doc = http().get("/v3/api-docs").json();

        JsonNode examples = doc.get("paths").get("/api/v1/predict").get("post").get("requestBody").get("content")
                .get("application/json").get("examples");
        assertThat(examples.propertyNames()).contains("complete", "minimal");
        JsonNode facts = doc.get("components").get("schemas").get("FlightFacts").get("properties");
        assertThat(facts.get("farPart").get("enum").valueStream().map(JsonNode::asString)).contains("091", "121");
        assertThat(facts.get("state").get("enum").valueStream().map(JsonNode::asString)).contains("CO", "AK");
    }

    @Test
    void swaggerUiIsServed() {
        Http.Reply reply = http().get("/swagger-ui/index.html");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("Swagger UI");
    }

    @Test
    void errorAnswersAreDocumentedAsProblemDetails() {
        JsonNode doc = http().get("/v3/api-docs").json();

        JsonNode predict = doc.get("paths").get("/api/v1/predict").get("post").get("responses");
        assertThat(predict.propertyNames()).contains("200", "400", "401", "429", "503");
        assertThat(predict.get("400").get("content").has("application/problem+json")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/models/reload").get("post").get("responses").has("403")).isTrue();
        assertThat(doc.get("components").get("schemas").get("Problem").get("properties").has("errors")).isTrue();
    }
}
