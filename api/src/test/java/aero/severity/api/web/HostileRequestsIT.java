package aero.severity.api.web;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.PatternSyntaxException;

import aero.severity.api.auth.ClientRole;
import aero.severity.api.auth.Tier;
import aero.severity.api.support.Flights;
import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against the running api, two corpora:
 * <ul>
 *   <li>written by hand: malformed JSON, wrong types, huge numbers, NaN/Infinity, unicode, deep nesting,
 *       oversized bodies and batches, missing fields, unknown codes and fields, SQL/JS payloads, bad paging
 *       and bounding boxes; every one must be a 4xx problem detail;</li>
 *   <li>generated from the api's own OpenAPI document (the one clients build against): every documented
 *       operation, every parameter and body field, filled with values drawn at random (seeded; the seed
 *       is in every failure message, {@code -Dseverity.hostile.seed=...} replays it) from the hostile
 *       values for the field's documented type. A value that breaks the documented schema (type,
 *       range, length, pattern, enum, date) must be a 4xx problem detail; any other must not be a 5xx,
 *       and whatever is not a 2xx must still be a problem detail.</li>
 * </ul>
 * All failures are collected and reported together, so one run lists every hole.
 */
@TestPropertySource(properties = "severity.rate-limit.tiers.ENTERPRISE=100000000")
class HostileRequestsIT extends FullStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEED = Long.getLong("severity.hostile.seed", new SecureRandom().nextLong());
    /** Values drawn per parameter or body field. */
    private static final int DRAWS_PER_FIELD = 6;

    private static final String[] PAYLOADS = {
        "' OR '1'='1",
        "1; DROP TABLE events; --",
        "\" OR 1=1 --",
        "<script>alert(1)</script>",
        "javascript:alert(document.cookie)",
        "${jndi:ldap://127.0.0.1/a}",
        "{{7*7}}",
        "../../../../etc/passwd",
        "%00",
        "\u0000",
        "\uFEFF\u202Eevil",
        "\uD83D\uDE80\uD83D\uDE80",
        "\u0661\u0662",
        "Ｃ",
        "\\u0000",
        "null",
        "undefined",
        "NaN",
        "true",
        "[]",
        "{}",
        " ",
        "\t\n"
    };

    private String analyst;
    private String admin;

    @BeforeEach
    void tokens() {
        analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);
        admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
    }

    record Attack(String method, String path, String contentType, byte[] body, boolean mustBeRejected, String why) {

        static Attack get(String path, String why) {
            return new Attack("GET", path, null, null, true, why);
        }

        static Attack post(String path, String json, String why) {
            return new Attack("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8), true, why);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(path) + (body == null ? "" : " " + abbreviate(shown)) + " (" + why + ")";
        }
    }

    // ---- the hand-written corpus -----------------------------------------------------------------

    @Test
    void everyRequestOfTheHandWrittenCorpusIsAClientErrorWithAProblemDetail() {
        List<Attack> corpus = handWritten();
        List<String> failures = new ArrayList<>();
        for (Attack attack : corpus) {
            check(attack, failures);
        }
        assertThat(corpus).hasSizeGreaterThan(100);
        assertThat(failures)
                .as("%d of %d hostile requests answered wrongly", failures.size(), corpus.size())
                .isEmpty();
    }

    private List<Attack> handWritten() {
        List<Attack> corpus = new ArrayList<>();
        String flight = Flights.json();
        // malformed JSON and the wrong top-level shape
        for (String body : new String[] {
            "",
            "{",
            "}",
            "{\"eventDate\":",
            "{\"eventDate\":\"2019-07-14\",}",
            "[]",
            "null",
            "\"2019-07-14\"",
            "42",
            "true",
            "{'eventDate':'2019-07-14'}",
            "{\"eventDate\":\"2019-07-14\"}}",
            flight.substring(0, flight.length() / 2),
            "\uFEFF" + flight + "garbage",
            "{\"eventDate\":\"2019-07-14\" \"x\":1}"
        }) {
            corpus.add(Attack.post("/api/v1/predict", body, "malformed"));
        }
        // missing and null required fields
        corpus.add(Attack.post("/api/v1/predict", "{}", "no eventDate"));
        corpus.add(Attack.post("/api/v1/predict", "{\"eventDate\":null}", "null eventDate"));
        corpus.add(Attack.post(
                "/api/v1/predict", flight.replace("\"eventDate\":\"2019-07-14\",", ""), "eventDate left out"));
        // numbers: NaN/Infinity literals, huge, fractions, overflow, wrong types
        for (String value : new String[] {
            "NaN",
            "Infinity",
            "-Infinity",
            "+1",
            "1e400",
            "-1e400",
            "1e308",
            "123456789012345678901234567890",
            "9223372036854775808",
            "35.5",
            "0x10",
            "\"NaN\"",
            "\"Infinity\"",
            "\"54 years\"",
            "{}",
            "[54]",
            "[]",
            "true",
            "-0.0001",
            "1e-400"
        }) {
            corpus.add(Attack.post("/api/v1/predict", with(flight, "pilotAge", value), "pilotAge " + value));
        }
        for (String value :
                new String[] {"NaN", "Infinity", "1e400", "-1e400", "90.0000001", "\"NaN\"", "\"north\"", "[]"}) {
            corpus.add(Attack.post("/api/v1/predict", with(flight, "latitude", value), "latitude " + value));
            corpus.add(Attack.post(
                    "/api/v1/predict",
                    with(flight, "pilotTotalHours", value.equals("90.0000001") ? "1e6" : value),
                    "pilotTotalHours " + value));
        }
        // dates
        for (String value : new String[] {
            "\"2019-02-30\"",
            "\"2019-13-01\"",
            "\"2019-7-14\"",
            "\"14/07/2019\"",
            "\"+999999999-12-31\"",
            "\"-0001-01-01\"",
            "\"1961-12-31\"",
            "\"2101-01-01\"",
            "20190714",
            "\"\"",
            "\"\u0662\u0660\u0661\u0669-07-14\"",
            "\"2019-07-14' OR '1'='1\""
        }) {
            corpus.add(Attack.post("/api/v1/predict", with(flight, "eventDate", value), "eventDate " + value));
        }
        // codes: unknown, lowercase, enum names, payloads, unicode look-alikes
        for (String field : new String[] {
            "state",
            "lightCondition",
            "weatherCondition",
            "farPart",
            "flightPhase",
            "engineType",
            "aircraftCategory",
            "pilotCertificate",
            "flightPurpose"
        }) {
            for (String payload : new String[] {"ZZZ", "' OR '1'='1", "<script>alert(1)</script>", "ＣＯ", "\u0000"}) {
                corpus.add(Attack.post(
                        "/api/v1/predict",
                        with(flight, field, JSON.writeValueAsString(payload)),
                        field + " " + payload));
            }
            corpus.add(Attack.post("/api/v1/predict", with(flight, field, "42"), field + " as a number"));
            corpus.add(Attack.post("/api/v1/predict", with(flight, field, "{\"$ne\":null}"), field + " as an object"));
        }
        // strings over their length, unknown and prototype-polluting fields, duplicated members
        corpus.add(Attack.post(
                "/api/v1/predict", with(flight, "make", JSON.writeValueAsString("C".repeat(31))), "make 31 chars"));
        corpus.add(Attack.post(
                "/api/v1/predict",
                with(flight, "make", JSON.writeValueAsString("\uD83D\uDE80".repeat(200))),
                "make 200 emoji"));
        corpus.add(Attack.post("/api/v1/predict", with(flight, "country", "\"usa\""), "country lowercase"));
        corpus.add(Attack.post("/api/v1/predict", with(flight, "__proto__", "{\"admin\":true}"), "__proto__"));
        corpus.add(Attack.post("/api/v1/predict", with(flight, "constructor", "{\"prototype\":{}}"), "constructor"));
        corpus.add(Attack.post("/api/v1/predict", with(flight, "severity", "\"NONE\""), "outcome smuggled in"));
        // deep nesting, far past what any field takes
        corpus.add(Attack.post(
                "/api/v1/predict", with(flight, "make", "[".repeat(5_000) + "]".repeat(5_000)), "deep array"));
        corpus.add(Attack.post("/api/v1/predict", "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "deep object"));
        corpus.add(Attack.post(
                "/api/v1/predict/batch",
                "{\"flights\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}",
                "deep batch"));
        // oversized bodies and batches
        corpus.add(Attack.post(
                "/api/v1/predict", with(flight, "make", JSON.writeValueAsString("x".repeat(300_000))), "300 KB body"));
        corpus.add(Attack.post("/api/v1/predict/batch", Flights.batchJson(101), "101 flights"));
        corpus.add(
                Attack.post("/api/v1/predict/batch", Flights.batchJson(1_000), "1,000 flights (over the body limit)"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{\"flights\":[]}", "no flights"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{\"flights\":null}", "null flights"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{\"flights\":{}}", "flights an object"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{\"flights\":[null]}", "a null flight"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{\"flights\":[1,2]}", "flights of numbers"));
        corpus.add(Attack.post("/api/v1/predict/batch", "{}", "no flights field"));
        corpus.add(Attack.post("/api/v1/predict/batch", flight, "a flight instead of a batch"));
        // bytes that are not UTF-8, and the wrong media types
        corpus.add(new Attack(
                "POST",
                "/api/v1/predict",
                "application/json",
                new byte[] {'{', '"', 'e', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                true,
                "invalid UTF-8"));
        corpus.add(new Attack(
                "POST", "/api/v1/predict", "text/plain", flight.getBytes(StandardCharsets.UTF_8), true, "text/plain"));
        corpus.add(new Attack(
                "POST",
                "/api/v1/predict",
                "application/xml",
                "<flight><eventDate>2019-07-14</eventDate></flight>".getBytes(StandardCharsets.UTF_8),
                true,
                "xml"));
        corpus.add(new Attack(
                "POST", "/api/v1/predict", null, flight.getBytes(StandardCharsets.UTF_8), true, "no content type"));
        corpus.add(new Attack(
                "PUT",
                "/api/v1/predict",
                "application/json",
                flight.getBytes(StandardCharsets.UTF_8),
                true,
                "wrong method"));
        // paging, filters and ids
        for (String query : new String[] {
            "page=-1",
            "page=abc",
            "page=1.5",
            "page=99999999999",
            "page=10001",
            "size=0",
            "size=101",
            "size=1e2",
            "size=-2147483648",
            "size=2147483648",
            "state=ZZ",
            "state=' OR '1'='1",
            "state=%3Cscript%3E",
            "from=2019-02-30",
            "from=yesterday",
            "from=2019-07-14%27--",
            "to=99999-01-01",
            "from=2012-01-01&to=2011-01-01",
            "severity=BAD",
            "severity=FATL%27%20OR%201=1",
            "severity=fatl%00"
        }) {
            corpus.add(Attack.get("/api/v1/events?" + query, "events " + query));
        }
        for (String id : new String[] {
            "abc",
            "%27%20OR%20%271%27=%271",
            "20190714X1234%00",
            "x".repeat(2_000),
            "2019071%3Cb%3E345",
            "%E2%80%AE20190714X1234"
        }) {
            corpus.add(Attack.get("/api/v1/events/" + id, "event id " + abbreviate(id)));
        }
        for (String query : new String[] {
            "lon=0&radiusKm=1",
            "lat=91&lon=0&radiusKm=1",
            "lat=NaN&lon=0&radiusKm=1",
            "lat=Infinity&lon=0&radiusKm=1",
            "lat=1e400&lon=0&radiusKm=1",
            "lat=0&lon=-181&radiusKm=1",
            "lat=0&lon=NaN&radiusKm=1",
            "lat=0&lon=0&radiusKm=0",
            "lat=0&lon=0&radiusKm=-1",
            "lat=0&lon=0&radiusKm=501",
            "lat=0&lon=0&radiusKm=NaN",
            "lat=0&lon=0&radiusKm=Infinity",
            "lat=0&lon=0&radiusKm=1&limit=0",
            "lat=0&lon=0&radiusKm=1&limit=501",
            "lat=0&lon=0&radiusKm=1&limit=x",
            "lat=north&lon=0&radiusKm=1",
            "lat=&lon=0&radiusKm=1"
        }) {
            corpus.add(Attack.get("/api/v1/events/near?" + query, "near " + query));
        }
        for (String bbox : new String[] {
            "",
            "1,2,3",
            "1,2,3,4,5",
            "a,b,c,d",
            "NaN,0,1,1",
            "0,NaN,1,1",
            "Infinity,0,1,1",
            "-181,0,0,1",
            "0,-91,1,1",
            "0,1,1,0",
            "1e400,0,1,1",
            "0;0;1;1",
            "%27%20OR%201=1",
            ",,,",
            "0,0,0,0,"
        }) {
            corpus.add(Attack.get("/api/v1/events/within?bbox=" + bbox, "bbox " + bbox));
        }
        corpus.add(Attack.get("/api/v1/events/within", "no bbox"));
        corpus.add(Attack.get("/api/v1/events/within?bbox=-105.5,39.0,-104.0,40.5&limit=5001", "within limit 5001"));
        for (String query :
                new String[] {"from=abcd", "from=99999999999", "from=2012&to=2011", "state=ZZ", "state=Z%00"}) {
            corpus.add(Attack.get("/api/v1/analytics/severity-by-year?" + query, "analytics " + query));
            corpus.add(Attack.get("/api/v1/analytics/severity-by-phase?" + query, "analytics phase " + query));
        }
        // the token endpoint and client administration (mass assignment included)
        corpus.add(new Attack(
                "POST",
                "/api/v1/auth/token",
                "application/json",
                "{".getBytes(StandardCharsets.UTF_8),
                true,
                "token: malformed"));
        corpus.add(new Attack(
                "POST",
                "/api/v1/auth/token",
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=%27%20OR%201=1--&client_secret=x"
                        .getBytes(StandardCharsets.UTF_8),
                true,
                "token: SQL in client_id"));
        corpus.add(new Attack(
                "POST",
                "/api/v1/auth/token",
                "application/json",
                ("{\"clientId\":\"" + "a".repeat(100_000) + "\",\"clientSecret\":\"x\"}")
                        .getBytes(StandardCharsets.UTF_8),
                true,
                "token: 100 KB client id"));
        corpus.add(new Attack(
                "POST",
                "/api/v1/auth/token",
                "application/json",
                "{\"clientId\":\"x\",\"clientSecret\":\"y\",\"role\":\"ADMIN\"}".getBytes(StandardCharsets.UTF_8),
                true,
                "token: role asked for"));
        return corpus;
    }

    @Test
    void adminBodiesRefuseMassAssignmentAndHostileValues() {
        List<String> failures = new ArrayList<>();
        for (String body : new String[] {
            "{\"clientId\":\"mass-1\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"secretHash\":\"$2a$10$x\"}",
            "{\"clientId\":\"mass-2\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"enabled\":false}",
            "{\"clientId\":\"mass-3\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"id\":1}",
            "{\"clientId\":\"mass-4\",\"role\":\"ROOT\",\"tier\":\"PRO\"}",
            "{\"clientId\":\"mass-5\",\"role\":\"ANALYST\",\"tier\":\"UNLIMITED\"}",
            "{\"clientId\":\"' OR '1'='1\",\"role\":\"ANALYST\",\"tier\":\"PRO\"}",
            "{\"clientId\":\"mass-6\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"displayName\":\"" + "d".repeat(201)
                    + "\"}",
            "{\"clientId\":[\"mass-7\"],\"role\":\"ANALYST\",\"tier\":\"PRO\"}",
            "{\"clientId\":\"mass-8\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"displayName\":\"\\u0000\"}",
            "{\"clientId\":\"mass-9\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"displayName\":\"red\\u001b[31m\"}"
        }) {
            Http.Reply reply = http().send(http().request("/api/v1/admin/clients", admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            expectRejected(Attack.post("/api/v1/admin/clients", body, "admin"), reply, failures);
        }
        assertThat(failures).isEmpty();
        assertThat(http().get("/api/v1/admin/clients", admin).body()).doesNotContain("mass-");
    }

    @Test
    void answersCarryTheSecurityHeadersAndGrantNoOtherOrigin() {
        Http.Reply ok =
                http().send(http().request("/api/v1/models/current", analyst).header("Origin", "https://evil.example"));
        Http.Reply error =
                http().send(http().request("/api/v1/events?page=-1", analyst).header("Origin", "https://evil.example"));
        Http.Reply preflight = http().send(http().request("/api/v1/predict", null)
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(ok.status()).isEqualTo(200);
        assertThat(error.status()).isEqualTo(400);
        for (Http.Reply reply : new Http.Reply[] {ok, error}) {
            assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
            assertThat(reply.header("Cache-Control"))
                    .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
            assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
            assertThat(reply.header("Server"))
                    .as("no server software or version")
                    .isEmpty();
        }
        assertThat(preflight.status()).as(preflight.toString()).isBetween(400, 499);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEmpty();
    }

    // ---- the corpus generated from the OpenAPI document -------------------------------------------

    @Test
    void valuesDrawnFromTheOpenApiSchemaOfEveryOperationNeverCauseA5xxAndSchemaBreakersAreRefused() {
        JsonNode document = http().get("/v3/api-docs").json();
        Random random = new Random(SEED);
        List<Attack> corpus = new Generator(document, random).attacks();
        List<String> failures = new ArrayList<>();
        for (Attack attack : corpus) {
            check(attack, failures);
        }
        long breakers = corpus.stream().filter(Attack::mustBeRejected).count();
        assertThat(corpus.stream()
                        .map(Attack::path)
                        .map(p -> p.replaceAll("\\?.*", ""))
                        .distinct()
                        .count())
                .as("operations covered")
                .isGreaterThanOrEqualTo(10);
        assertThat(breakers).as("schema-breaking requests generated").isGreaterThan(200);
        assertThat(failures)
                .as("seed %d: %d of %d generated requests answered wrongly", SEED, failures.size(), corpus.size())
                .isEmpty();
    }

    /** Hostile values for each documented parameter and body field, from the field's own schema. */
    private final class Generator {

        private final JsonNode document;
        private final Random random;

        Generator(JsonNode document, Random random) {
            this.document = document;
            this.random = random;
        }

        List<Attack> attacks() {
            List<Attack> attacks = new ArrayList<>();
            for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    String method = operation.getKey().toUpperCase();
                    if (path.getKey().equals("/api/v1/auth/token") || method.equals("DELETE")) {
                        continue; // the token endpoint has its own corpus; DELETE would disable the test's clients
                    }
                    attacks.addAll(forOperation(path.getKey(), method, operation.getValue()));
                }
            }
            return attacks;
        }

        private List<Attack> forOperation(String template, String method, JsonNode operation) {
            List<Attack> attacks = new ArrayList<>();
            Map<String, String> valid = new LinkedHashMap<>();
            List<JsonNode> parameters = new ArrayList<>();
            if (operation.has("parameters")) {
                operation.get("parameters").forEach(parameters::add);
            }
            for (JsonNode parameter : parameters) {
                valid.put(parameter.get("name").asString(), validValue(parameter));
            }
            String body = validBody(template);
            for (JsonNode parameter : parameters) {
                String name = parameter.get("name").asString();
                JsonNode schema = resolve(parameter.get("schema"));
                if (parameter.path("required").asBoolean(false)
                        && parameter.get("in").asString().equals("query")) {
                    Map<String, String> without = new LinkedHashMap<>(valid);
                    without.remove(name);
                    attacks.add(new Attack(
                            method,
                            url(template, without),
                            body == null ? null : "application/json",
                            bytes(body),
                            true,
                            name + " missing"));
                }
                for (int i = 0; i < DRAWS_PER_FIELD; i++) {
                    Value value = textValue(schema);
                    Map<String, String> values = new LinkedHashMap<>(valid);
                    values.put(name, value.text());
                    attacks.add(new Attack(
                            method,
                            url(template, values),
                            body == null ? null : "application/json",
                            bytes(body),
                            value.breaksSchema(),
                            name + "=" + abbreviate(value.text())));
                }
            }
            if (body != null) {
                String url = url(template, valid);
                JsonNode schema = bodySchema(operation);
                for (Map.Entry<String, JsonNode> property : properties(schema).entrySet()) {
                    JsonNode propertySchema = resolve(property.getValue());
                    for (int i = 0; i < DRAWS_PER_FIELD; i++) {
                        Value value = jsonValue(propertySchema);
                        attacks.add(new Attack(
                                method,
                                url,
                                "application/json",
                                bytes(with(body, property.getKey(), value.text())),
                                value.breaksSchema(),
                                property.getKey() + ":" + abbreviate(value.text())));
                    }
                    JsonNode items = resolve(propertySchema.path("items"));
                    if (items.has("properties")) { // one level down: a field of the first element of an array
                        JsonNode array = JSON.readTree(body).get(property.getKey());
                        for (Map.Entry<String, JsonNode> nested :
                                properties(items).entrySet()) {
                            Value value = jsonValue(resolve(nested.getValue()));
                            String element = with(JSON.writeValueAsString(array.get(0)), nested.getKey(), value.text());
                            String mutated = "{\"" + property.getKey() + "\":[" + element + "]}";
                            attacks.add(new Attack(
                                    method,
                                    url,
                                    "application/json",
                                    bytes(mutated),
                                    value.breaksSchema(),
                                    property.getKey() + "[0]." + nested.getKey() + ":" + abbreviate(value.text())));
                        }
                    }
                }
            }
            return attacks;
        }

        private String validValue(JsonNode parameter) {
            String name = parameter.get("name").asString();
            JsonNode schema = resolve(parameter.get("schema"));
            if (parameter.has("example")) {
                return parameter.get("example").asString();
            }
            if (name.equals("bbox")) {
                return "-105.5,39.0,-104.0,40.5";
            }
            if (name.equals("evId")) {
                return "20190714X12345";
            }
            if (name.equals("clientId")) {
                return "nobody-here";
            }
            if (schema.has("default")) {
                return schema.get("default").asString();
            }
            if (schema.has("enum")) {
                return schema.get("enum").get(0).asString();
            }
            return switch (schema.path("type").asString("string")) {
                case "integer", "number" ->
                    schema.has("minimum") ? schema.get("minimum").asString() : "1";
                default -> "2010-01-01".equals(schema.path("format").asString("")) ? "2010-01-01" : "x";
            };
        }

        private String validBody(String template) {
            return switch (template) {
                case "/api/v1/predict" -> Flights.json();
                case "/api/v1/predict/batch" -> Flights.batchJson(2);
                case "/api/v1/admin/clients" ->
                    "{\"clientId\":\"gen-" + Long.toHexString(random.nextLong())
                            + "\",\"role\":\"ANALYST\",\"tier\":\"FREE\",\"displayName\":\"generated\"}";
                default -> null;
            };
        }

        private JsonNode bodySchema(JsonNode operation) {
            JsonNode content = operation.path("requestBody").path("content");
            Iterator<JsonNode> media = content.values().iterator();
            return media.hasNext() ? resolve(media.next().path("schema")) : JSON.createObjectNode();
        }

        private Map<String, JsonNode> properties(JsonNode schema) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            schema.path("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue()));
            return properties;
        }

        private JsonNode resolve(JsonNode schema) {
            if (schema != null && schema.has("$ref")) {
                String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
                return document.get("components").get("schemas").get(name);
            }
            if (schema != null && schema.has("allOf") && schema.get("allOf").size() == 1) {
                return resolve(schema.get("allOf").get(0));
            }
            return schema == null ? JSON.createObjectNode() : schema;
        }

        /** A query or path value: text, as it travels in a URL. */
        private Value textValue(JsonNode schema) {
            String type = schema.path("type").asString("string");
            List<Value> candidates = new ArrayList<>();
            switch (type) {
                case "integer" -> {
                    candidates.add(Value.bad("abc"));
                    candidates.add(Value.bad("1.5"));
                    candidates.add(Value.bad("1e400"));
                    candidates.add(Value.bad("99999999999999999999999"));
                    candidates.add(Value.bad("NaN"));
                    candidates.add(Value.bad("1_000"));
                    candidates.add(Value.bad("12 years"));
                    range(schema, candidates, true);
                }
                case "number" -> {
                    candidates.add(Value.bad("abc"));
                    candidates.add(Value.bad("1,5"));
                    candidates.add(Value.bad("12 km"));
                    if (schema.has("minimum") || schema.has("maximum")) {
                        candidates.add(Value.bad("NaN"));
                        candidates.add(Value.bad("Infinity"));
                        candidates.add(Value.bad("-Infinity"));
                        candidates.add(Value.bad("1e400"));
                    } else {
                        candidates.add(Value.any("NaN"));
                    }
                    range(schema, candidates, false);
                }
                case "boolean" -> candidates.add(Value.bad("maybe"));
                default -> stringCandidates(schema, candidates);
            }
            return candidates.get(random.nextInt(candidates.size()));
        }

        private void range(JsonNode schema, List<Value> candidates, boolean whole) {
            if (schema.has("minimum")) {
                double min = schema.get("minimum").asDouble();
                candidates.add(Value.bad(number(min - (whole ? 1 : 0.001 + random.nextDouble() * 1e6), whole)));
            }
            JsonNode exclusive = schema.path("exclusiveMinimum");
            if (exclusive.isNumber()) { // OpenAPI 3.1: the bound itself
                candidates.add(Value.bad(number(exclusive.asDouble(), whole)));
            } else if (exclusive.asBoolean(false) && schema.has("minimum")) { // OpenAPI 3.0: a flag beside minimum
                candidates.add(Value.bad(number(schema.get("minimum").asDouble(), whole)));
            }
            if (schema.has("maximum")) {
                double max = schema.get("maximum").asDouble();
                candidates.add(Value.bad(number(
                        max + (whole ? 1 + random.nextInt(1_000_000) : 0.001 + random.nextDouble() * 1e6), whole)));
            }
        }

        private void stringCandidates(JsonNode schema, List<Value> candidates) {
            String payload = PAYLOADS[random.nextInt(PAYLOADS.length)];
            String format = schema.path("format").asString("");
            if (schema.has("enum")) {
                List<String> allowed = new ArrayList<>();
                schema.get("enum").forEach(v -> allowed.add(v.asString()));
                for (String candidate :
                        new String[] {payload, "ZZZ", "\u0000", "Qx".repeat(1 + random.nextInt(1_500))}) {
                    // Spring trims parameters (control characters too) and reads an empty one as absent
                    if (allowed.stream().noneMatch(a -> a.equalsIgnoreCase(candidate.trim()))
                            && !candidate.trim().isEmpty()) {
                        candidates.add(Value.bad(candidate));
                    }
                }
                return;
            }
            if (format.equals("date")) {
                for (String date : new String[] {
                    "2019-02-30",
                    "2019-13-01",
                    "yesterday",
                    "2019-07-14" + (payload.trim().isEmpty() ? "x" : payload),
                    "14/07/2019"
                }) {
                    candidates.add(Value.bad(date));
                }
                // ISO-8601's extended years: accepted by java.time, and must not break the queries behind
                candidates.add(Value.any("+999999999-12-31"));
                candidates.add(Value.any("-999999999-01-01"));
                return;
            }
            String pattern = schema.path("pattern").asString(null);
            int maxLength = schema.path("maxLength").asInt(-1);
            for (String candidate : new String[] {payload, "x".repeat(1 + random.nextInt(5_000)), unicode()}) {
                boolean breaks = maxLength >= 0 && candidate.length() > maxLength;
                if (pattern != null) {
                    try {
                        breaks |= !java.util.regex.Pattern.compile(pattern)
                                .matcher(candidate)
                                .matches();
                    } catch (PatternSyntaxException e) {
                        // a JavaScript-only pattern: judge by length alone
                    }
                }
                candidates.add(breaks ? Value.bad(candidate) : Value.any(candidate));
            }
        }

        /** A body value: JSON text, possibly not even JSON (NaN, Infinity are not JSON numbers). */
        private Value jsonValue(JsonNode schema) {
            String type = schema.path("type").asString(schema.has("enum") ? "string" : "object");
            List<Value> candidates = new ArrayList<>();
            candidates.add(Value.bad("NaN"));
            candidates.add(Value.bad("-Infinity"));
            candidates.add(Value.bad("{\"$gt\":\"\"}"));
            candidates.add(Value.bad("[".repeat(2_000) + "]".repeat(2_000)));
            switch (type) {
                case "integer" -> {
                    candidates.add(Value.bad("1e400"));
                    candidates.add(Value.bad("123456789012345678901234567890"));
                    candidates.add(Value.bad("2.5"));
                    candidates.add(Value.bad("\""
                            + PAYLOADS[random.nextInt(PAYLOADS.length)]
                                    .replace("\\", "\\\\")
                                    .replace("\"", "\\\"") + "x\""));
                    candidates.add(Value.bad("[]"));
                    rangeJson(schema, candidates, true);
                }
                case "number" -> {
                    candidates.add(Value.bad("\"twelve\""));
                    candidates.add(Value.bad("[]"));
                    if (schema.has("minimum") || schema.has("maximum")) {
                        candidates.add(Value.bad("1e400"));
                        candidates.add(Value.bad("-1e400"));
                    }
                    rangeJson(schema, candidates, false);
                }
                case "boolean" -> {
                    candidates.add(Value.bad("\"maybe\""));
                    candidates.add(Value.bad("{}"));
                }
                case "array" -> {
                    candidates.add(Value.bad("\"not a list\""));
                    candidates.add(Value.bad("{}"));
                    if (schema.has("minItems") && schema.get("minItems").asInt() > 0) {
                        candidates.add(Value.bad("[]"));
                    }
                    candidates.add(Value.bad("[null]"));
                    candidates.add(Value.bad("[42]"));
                    // @Size(min = 1) alone is documented as maxItems 2147483647: only a real limit is worth crossing
                    if (schema.has("maxItems") && schema.get("maxItems").asInt() <= 1_000) {
                        List<String> flights = new ArrayList<>();
                        for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                            flights.add(Flights.json());
                        }
                        candidates.add(Value.bad("[" + String.join(",", flights) + "]"));
                    }
                }
                case "object" -> {
                    candidates.add(Value.bad("\"x\""));
                    candidates.add(Value.bad("[]"));
                }
                default -> {
                    List<Value> texts = new ArrayList<>();
                    stringCandidates(schema, texts);
                    for (Value text : texts) {
                        candidates.add(new Value(JSON.writeValueAsString(text.text()), text.breaksSchema()));
                    }
                    candidates.add(Value.bad("{}"));
                    candidates.add(Value.bad("[\"a\",\"b\"]"));
                }
            }
            return candidates.get(random.nextInt(candidates.size()));
        }

        private void rangeJson(JsonNode schema, List<Value> candidates, boolean whole) {
            List<Value> texts = new ArrayList<>();
            range(schema, texts, whole);
            candidates.addAll(texts);
        }

        private String unicode() {
            StringBuilder text = new StringBuilder();
            int length = 1 + random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int codePoint;
                do {
                    codePoint = random.nextInt(0x2FFFF);
                } while (Character.getType(codePoint) == Character.SURROGATE || !Character.isDefined(codePoint));
                text.appendCodePoint(codePoint);
            }
            return text.toString();
        }
    }

    /** A generated value and whether it breaks the documented schema (and so must be refused). */
    record Value(String text, boolean breaksSchema) {
        static Value bad(String text) {
            return new Value(text, true);
        }

        static Value any(String text) {
            return new Value(text, false);
        }
    }

    // ---- sending and judging ----------------------------------------------------------------------

    private void check(Attack attack, List<String> failures) {
        String token = attack.path().startsWith("/api/v1/admin") ? admin : analyst;
        HttpRequest.Builder request =
                http().request(uri(attack.path()), attack.path().startsWith("/api/v1/auth") ? null : token);
        if (attack.contentType() != null) {
            request.header("Content-Type", attack.contentType());
        }
        request.method(
                attack.method(),
                attack.body() == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(attack.body()));
        Http.Reply reply;
        try {
            reply = http().send(request);
        } catch (RuntimeException e) {
            failures.add(attack + " -> no answer: " + e);
            return;
        }
        if (attack.mustBeRejected()) {
            expectRejected(attack, reply, failures);
        } else if (reply.status() >= 500) {
            failures.add(attack + " -> " + abbreviate(reply.toString()));
        } else if (reply.status() >= 300) {
            expectProblem(attack, reply, failures);
        }
    }

    private static void expectRejected(Attack attack, Http.Reply reply, List<String> failures) {
        if (reply.status() < 400 || reply.status() >= 500) {
            failures.add(attack + " -> " + abbreviate(reply.toString()));
            return;
        }
        expectProblem(attack, reply, failures);
    }

    private static void expectProblem(Attack attack, Http.Reply reply, List<String> failures) {
        if (!reply.header("Content-Type").orElse("").startsWith("application/problem+json")) {
            failures.add(
                    attack + " -> " + reply.status() + " is not a problem detail: " + abbreviate(reply.toString()));
            return;
        }
        JsonNode problem = reply.json();
        if (problem.path("status").asInt() != reply.status() || !problem.has("type") || !problem.has("title")) {
            failures.add(attack + " -> incomplete problem detail " + abbreviate(reply.body()));
        }
        if (reply.body().contains("Exception")
                || reply.body().contains("at aero.")
                || reply.body().contains("SQL")) {
            failures.add(attack + " -> internals in the answer: " + abbreviate(reply.body()));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The body with {@code field} set to the raw JSON text {@code value} (first, so it may be invalid JSON). */
    private static String with(String body, String field, String value) {
        JsonNode node = JSON.readTree(body);
        var object = (tools.jackson.databind.node.ObjectNode) node;
        object.remove(field);
        String rest = JSON.writeValueAsString(object);
        return "{\"" + field + "\":" + value + (rest.equals("{}") ? "}" : "," + rest.substring(1));
    }

    private static String url(String template, Map<String, String> values) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String encoded =
                    URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
            if (path.contains("{" + e.getKey() + "}")) {
                path = path.replace("{" + e.getKey() + "}", encoded);
            } else {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(e.getKey())
                        .append('=')
                        .append(encoded);
            }
        }
        return path + query;
    }

    /** What a raw client puts on the wire: characters a URI cannot hold percent-encoded, everything else as written. */
    private static String uri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?#@!$&'()*+,;=%".indexOf(c) >= 0)) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return uri.toString();
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    private static String number(double value, boolean whole) {
        return whole ? Long.toString((long) value) : Double.toString(value);
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "...(" + text.length() + " chars)";
    }
}
