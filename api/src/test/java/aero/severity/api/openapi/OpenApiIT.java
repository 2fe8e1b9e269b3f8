package aero.severity.api.openapi;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI 3 document describes the bearer scheme, the endpoints, the NTSB codes and examples. */
class OpenApiIT extends FullStackTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    /** The inventory: what clients are told exists is exactly what the code serves, method by method. */
    @Test
    void theDocumentListsEveryApiOperationOfTheCodeAndNoOther() {
        Set<String> documented = new TreeSet<>();
        Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
        http().get("/v3/api-docs")
                .json()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().propertyNames().stream()
                        .filter(methods::contains)
                        .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo mapping : handlerMapping.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    mapping.getMethodsCondition()
                            .getMethods()
                            .forEach(method -> served.add(method.name() + " " + pattern));
                }
            }
        }

        assertThat(served).hasSizeGreaterThan(10);
        assertThat(documented).isEqualTo(served);
    }

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
        assertThat(doc.get("paths")
                        .get("/api/v1/auth/token")
                        .get("post")
                        .get("security")
                        .size())
                .as("the token endpoint needs no token")
                .isZero();
    }

    @Test
    void documentListsTheEndpoints() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");

        assertThat(paths.propertyNames())
                .contains(
                        "/api/v1/auth/token",
                        "/api/v1/predict",
                        "/api/v1/predict/batch",
                        "/api/v1/models/current",
                        "/api/v1/models/reload",
                        "/api/v1/admin/clients");
    }

    @Test
    void predictHasExamplesAndTheSchemaUsesNtsbCodes() {
        JsonNode doc = http().get("/v3/api-docs").json();

        JsonNode examples = doc.get("paths")
                .get("/api/v1/predict")
                .get("post")
                .get("requestBody")
                .get("content")
                .get("application/json")
                .get("examples");
        assertThat(examples.propertyNames()).contains("complete", "minimal");
        JsonNode facts = doc.get("components").get("schemas").get("FlightFacts").get("properties");
        assertThat(facts.get("farPart").get("enum").valueStream().map(JsonNode::asString))
                .contains("091", "121");
        assertThat(facts.get("state").get("enum").valueStream().map(JsonNode::asString))
                .contains("CO", "AK");
    }

    @Test
    void predictAndBatchDocumentTheExplainParametersAndTheExplanationSchemaWithAnExample() {
        JsonNode doc = http().get("/v3/api-docs").json();

        for (String path : List.of("/api/v1/predict", "/api/v1/predict/batch")) {
            JsonNode post = doc.get("paths").get(path).get("post");
            JsonNode explain = parameter(post, "explain");
            assertThat(explain.get("in").asString()).isEqualTo("query");
            assertThat(explain.get("schema").get("type").asString()).isEqualTo("boolean");
            assertThat(explain.get("schema").get("default").asBoolean()).isFalse();
            JsonNode top = parameter(post, "explainTop");
            assertThat(top.get("schema").get("type").asString()).isEqualTo("integer");
            assertThat(top.get("schema").get("minimum").asInt()).isZero();
            assertThat(top.get("schema").get("default").asInt()).isEqualTo(5);
            assertThat(post.get("responses").has("409"))
                    .as(path + " documents the 409")
                    .isTrue();
        }
        JsonNode schemas = doc.get("components").get("schemas");
        assertThat(schemas.get("SeverityPrediction").get("properties").has("explanation"))
                .isTrue();
        assertThat(schemas.get("Explanation").get("properties").propertyNames()).contains("classes", "calibration");
        assertThat(schemas.get("ClassExplanation").get("properties").propertyNames())
                .contains("baseValue", "rawScore", "contributions");
        assertThat(schemas.get("FieldContribution").get("properties").propertyNames())
                .contains("field", "value", "missing", "contribution", "fields");
        assertThat(schemas.get("CalibrationStatement").get("properties").propertyNames())
                .contains("temperature", "bias", "logits");
        JsonNode examples = doc.get("paths")
                .get("/api/v1/predict")
                .get("post")
                .get("responses")
                .get("200")
                .get("content")
                .get("application/json")
                .get("examples");
        assertThat(examples.get("explained").get("value").toString())
                .contains("\"explanation\"", "\"baseValue\"", "\"other\"", "\"temperature\"");
    }

    @Test
    void everyRequestExampleOfTheDocumentIsAnsweredWith200() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");
        String token = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        int posted = 0;
        for (String path : List.of("/api/v1/predict", "/api/v1/predict/batch")) {
            JsonNode examples = paths.get(path)
                    .get("post")
                    .get("requestBody")
                    .get("content")
                    .get("application/json")
                    .get("examples");
            for (String name : examples.propertyNames()) {
                Http.Reply reply = http().postJson(
                                path, token, examples.get(name).get("value").toString());
                assertThat(reply.status())
                        .as("%s example '%s': %s", path, name, reply.body())
                        .isEqualTo(200);
                posted++;
            }
        }
        assertThat(posted).as("complete, minimal and two-flights").isEqualTo(3);
        assertThat(paths.get("/api/v1/predict")
                        .get("post")
                        .get("requestBody")
                        .get("content")
                        .get("application/json")
                        .get("examples")
                        .get("complete")
                        .get("summary")
                        .asString())
                .isEqualTo("All facts known");
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.get("parameters")) {
            if (parameter.get("name").asString().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation.get("parameters"));
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
        assertThat(predict.get("400").get("content").has("application/problem+json"))
                .isTrue();
        assertThat(doc.get("paths")
                        .get("/api/v1/models/reload")
                        .get("post")
                        .get("responses")
                        .has("403"))
                .isTrue();
        assertThat(doc.get("components")
                        .get("schemas")
                        .get("Problem")
                        .get("properties")
                        .has("errors"))
                .isTrue();
    }
}
