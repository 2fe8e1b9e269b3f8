package aero.severity.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import aero.severity.api.support.FullStackTest;
import aero.severity.api.support.Http;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are issued to registered clients only, and every forged, stale or foreign token is refused. */
class AuthenticationIT extends FullStackTest {

    private static final SecretKey KEY = new SecretKeySpec(Base64.getDecoder().decode(JWT_SECRET), "HmacSHA256");
    private static final String PROTECTED = "/api/v1/models/current";

    @Test
    void clientCredentialsAsJsonGetABearerTokenValidForFifteenMinutes() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.PRO);

        Http.Reply reply =
                http().postJson("/api/v1/auth/token", null, """
                {"clientId":"%s","clientSecret":"%s"}""".formatted(client.clientId(), client.clientSecret()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        JsonNode body = reply.json();
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
        Map<String, Object> claims = payload(body.get("access_token").asString());
        assertThat(claims)
                .containsEntry("sub", client.clientId())
                .containsEntry("role", "ANALYST")
                .containsEntry("tier", "PRO")
                .containsEntry("iss", "severity-auth");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(900);
        assertThat(header(body.get("access_token").asString())).containsEntry("alg", "HS256");
        assertThat(http().get(PROTECTED, body.get("access_token").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void clientCredentialsGrantWorksWithHttpBasicAndWithFormFields() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);
        String basic = Base64.getEncoder()
                .encodeToString((client.clientId() + ":" + client.clientSecret()).getBytes(StandardCharsets.UTF_8));

        Http.Reply viaBasic = http().send(http().request("/api/v1/auth/token", null)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
        Http.Reply viaForm = http().post(
                        "/api/v1/auth/token",
                        null,
                        "application/x-www-form-urlencoded",
                        "grant_type=client_credentials&client_id=" + client.clientId() + "&client_secret="
                                + client.clientSecret());

        assertThat(viaBasic.status()).as(viaBasic.toString()).isEqualTo(200);
        assertThat(viaForm.status()).as(viaForm.toString()).isEqualTo(200);
        assertThat(http().get(PROTECTED, viaBasic.json().get("access_token").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void wrongSecretUnknownClientAndDisabledClientAreAllTheSame401() {
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);
        ClientCredentials disabled = newClient(ClientRole.ANALYST, Tier.FREE);
        clients.disable(disabled.clientId());

        Http.Reply wrongSecret = tokenRequest(client.clientId(), client.clientSecret() + "x");
        Http.Reply unknown = tokenRequest("nobody-" + client.clientId(), client.clientSecret());
        Http.Reply disabledClient = tokenRequest(disabled.clientId(), disabled.clientSecret());

        for (Http.Reply reply : new Http.Reply[] {wrongSecret, unknown, disabledClient}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
            assertThat(reply.json().get("error").asString()).isEqualTo("invalid_client");
            assertThat(reply.json().get("detail").asString())
                    .isEqualTo(wrongSecret.json().get("detail").asString());
        }
    }

    @Test
    void otherGrantTypesAreA400NamingGrantType() {
        Http.Reply reply = http().post(
                        "/api/v1/auth/token",
                        null,
                        "application/x-www-form-urlencoded",
                        "grant_type=password&username=a&password=b");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("error").asString()).isEqualTo("unsupported_grant_type");
        assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("grant_type");
    }

    @Test
    void requestWithoutTokenIsRefusedWithBearerChallenge() {
        Http.Reply reply = http().get(PROTECTED);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
        assertThat(reply.header("Content-Type")).hasValue("application/problem+json");
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:severity:problem:unauthorized");
    }

    @Test
    void unsignedTokenWithAlgNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64(validClaimsJson(Instant.now()));

        assertRefused(header + "." + claims + ".");
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefused() {
        SecretKey other = Jwts.SIG.HS256.key().build();

        assertRefused(validToken(other, Instant.now(), "severity-api", "severity-auth"));
    }

    @Test
    void tokenSignedWithOurKeyButHs512IsRefusedBecauseTheAlgorithmIsPinned() throws Exception {
        String header = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        String claims = b64(validClaimsJson(Instant.now()));
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(KEY.getEncoded(), "HmacSHA512"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));

        assertRefused(header + "." + claims + "." + signature);
    }

    @Test
    void tokenSignedWithAnRsaKeyIsRefusedBecauseTheAlgorithmIsPinned() {
        KeyPair rsa = Jwts.SIG.RS256.keyPair().build();
        Instant now = Instant.now();

        assertRefused(Jwts.builder()
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .subject("analyst-x")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("role", "ADMIN")
                .claim("tier", "ENTERPRISE")
                .signWith(rsa.getPrivate(), Jwts.SIG.RS256)
                .compact());
    }

    @Test
    void algorithmConfusionIsRefusedWhetherTheHeaderSaysRs256OrTheHmacKeyIsAPublicKey() throws Exception {
        String claims = b64(validClaimsJson(Instant.now()));
        // a verifier that took the algorithm from the header would check this HMAC with "the key"
        String rsHeader = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        assertRefused(rsHeader + "." + claims + "." + hmac(KEY.getEncoded(), rsHeader + "." + claims));
        // the classic confusion: HS256 keyed with an RSA public key the attacker knows
        PublicKey publicKey = Jwts.SIG.RS256.keyPair().build().getPublic();
        String hsHeader = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertRefused(hsHeader + "." + claims + "." + hmac(publicKey.getEncoded(), hsHeader + "." + claims));
    }

    @Test
    void oversizedTokenIsRefusedEvenWhenSignedWithOurKey() {
        Instant now = Instant.now();
        String oversized = Jwts.builder()
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .subject("analyst-x")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("role", "ANALYST")
                .claim("tier", "FREE")
                .claim("padding", "x".repeat(5_000))
                .signWith(KEY, Jwts.SIG.HS256)
                .compact();
        assertThat(oversized.length()).isGreaterThan(JjwtDecoder.MAX_TOKEN_LENGTH);

        assertRefused(oversized);
        Http.Reply reply = http().get(PROTECTED, oversized);
        assertThat(reply.json().get("detail").asString()).contains("longer than");
    }

    @Test
    void aTokenLargerThanTheHeaderLimitIsA431ProblemDetailNotAServerError() {
        Http.Reply reply = http().get(PROTECTED, "eyJ" + "A".repeat(64 * 1024));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(431);
        assertThat(reply.json().get("status").asInt()).isEqualTo(431);
    }

    @Test
    void expiredTokenIsRefusedBeyondTheClockSkew() {
        assertRefused(validToken(KEY, Instant.now().minus(Duration.ofMinutes(16)), "severity-api", "severity-auth"));
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        assertRefused(validToken(KEY, Instant.now(), "some-other-api", "severity-auth"));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() {
        assertRefused(validToken(KEY, Instant.now(), "severity-api", "someone-else"));
    }

    @Test
    void tokenNotValidYetIsRefused() {
        Instant now = Instant.now();
        assertRefused(Jwts.builder()
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .subject("x")
                .issuedAt(Date.from(now))
                .notBefore(Date.from(now.plus(Duration.ofMinutes(5))))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("role", "ANALYST")
                .claim("tier", "FREE")
                .signWith(KEY, Jwts.SIG.HS256)
                .compact());
    }

    @Test
    void tamperedPayloadIsRefused() {
        String genuine = token(ClientRole.ANALYST, Tier.FREE);
        String[] parts = genuine.split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ANALYST\"", "\"ADMIN\"")
                .replace("\"FREE\"", "\"ENTERPRISE\"");

        assertRefused(parts[0] + "." + b64(forged) + "." + parts[2]);
        assertThat(http().get(PROTECTED, genuine).status()).isEqualTo(200);
    }

    @Test
    void tokenWithoutRoleOrWithUnknownTierIsRefused() {
        Instant now = Instant.now();
        assertRefused(Jwts.builder()
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .subject("x")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("tier", "FREE")
                .signWith(KEY, Jwts.SIG.HS256)
                .compact());
        assertRefused(Jwts.builder()
                .issuer("severity-auth")
                .audience()
                .add("severity-api")
                .and()
                .subject("x")
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("role", "ANALYST")
                .claim("tier", "PLATINUM")
                .signWith(KEY, Jwts.SIG.HS256)
                .compact());
    }

    @Test
    void garbageBearerTokenIsRefused() {
        assertRefused("not-a-jwt");
    }

    @Test
    void analystIsForbiddenFromAdminEndpoints() {
        String analyst = token(ClientRole.ANALYST, Tier.ENTERPRISE);

        Http.Reply reload = http().postJson("/api/v1/models/reload", analyst, "");
        Http.Reply createClient = http().postJson(
                        "/api/v1/admin/clients",
                        analyst,
                        "{\"clientId\":\"sneaky\",\"role\":\"ADMIN\",\"tier\":\"ENTERPRISE\"}");
        Http.Reply listClients = http().get("/api/v1/admin/clients", analyst);

        for (Http.Reply reply : new Http.Reply[] {reload, createClient, listClients}) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
            assertThat(reply.json().get("type").asString()).isEqualTo("urn:severity:problem:forbidden");
        }
    }

    @Test
    void adminCreatesAClientWhoseSecretWorksOnceShownAndIsStoredOnlyHashed() {
        String admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
        String id = "acme-" + System.nanoTime();

        Http.Reply created = http().postJson(
                        "/api/v1/admin/clients",
                        admin,
                        "{\"clientId\":\"%s\",\"role\":\"ANALYST\",\"tier\":\"PRO\",\"displayName\":\"Acme Insurance\"}"
                                .formatted(id));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/api/v1/admin/clients/" + id);
        String secret = created.json().get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(tokenRequest(id, secret).status()).isEqualTo(200);
        Http.Reply listed = http().get("/api/v1/admin/clients", admin);
        assertThat(listed.body()).contains(id).doesNotContain(secret).doesNotContain("$2");

        Http.Reply duplicate = http().postJson(
                        "/api/v1/admin/clients",
                        admin,
                        "{\"clientId\":\"%s\",\"role\":\"ANALYST\",\"tier\":\"PRO\"}".formatted(id));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void adminResetsASecretAndTheOldOneStopsWorking() {
        String admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);
        ClientCredentials client = newClient(ClientRole.ANALYST, Tier.FREE);

        Http.Reply reset = http().postJson("/api/v1/admin/clients/" + client.clientId() + "/secret", admin, "");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(tokenRequest(client.clientId(), client.clientSecret()).status())
                .isEqualTo(401);
        assertThat(tokenRequest(
                                client.clientId(),
                                reset.json().get("clientSecret").asString())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void invalidNewClientNamesTheFields() {
        String admin = token(ClientRole.ADMIN, Tier.ENTERPRISE);

        Http.Reply reply =
                http().postJson("/api/v1/admin/clients", admin, "{\"clientId\":\"Bad Id!\",\"role\":\"ANALYST\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("clientId", "tier");
    }

    private Http.Reply tokenRequest(String clientId, String secret) {
        return http().postJson(
                        "/api/v1/auth/token",
                        null,
                        "{\"clientId\":\"%s\",\"clientSecret\":\"%s\"}".formatted(clientId, secret));
    }

    private void assertRefused(String token) {
        Http.Reply reply = http().get(PROTECTED, token);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:severity:problem:unauthorized");
    }

    private static String validToken(SecretKey key, Instant issuedAt, String audience, String issuer) {
        return Jwts.builder()
                .issuer(issuer)
                .audience()
                .add(audience)
                .and()
                .subject("analyst-x")
                .issuedAt(Date.from(issuedAt))
                .notBefore(Date.from(issuedAt))
                .expiration(Date.from(issuedAt.plus(Duration.ofMinutes(15))))
                .claim("role", "ANALYST")
                .claim("tier", "FREE")
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    private static String validClaimsJson(Instant now) {
        return """
                {"iss":"severity-auth","aud":"severity-api","sub":"analyst-x","iat":%d,"nbf":%d,"exp":%d,"role":"ADMIN","tier":"ENTERPRISE"}""".formatted(
                now.getEpochSecond(), now.getEpochSecond(), now.plusSeconds(900).getEpochSecond());
    }

    private static String hmac(byte[] key, String signingInput) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(String token) {
        return JsonMapper.builder().build().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(String token) {
        return JsonMapper.builder().build().readValue(Base64.getUrlDecoder().decode(token.split("\\.")[0]), Map.class);
    }
}
