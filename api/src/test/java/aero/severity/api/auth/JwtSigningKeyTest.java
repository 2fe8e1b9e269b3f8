package aero.severity.api.auth;

import java.time.Duration;
import java.util.Base64;
import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtSigningKeyTest {

    private static final String STRONG = "q3Jx0mQ8c2V2ZXJpdHktdGVzdC1rZXktOTk0Mi1hYmNkZWZnaGlqaw==";

    @Test
    void strongBase64SecretBecomesAnHs256Key() {
        SecretKey key = JwtSigningKey.from(properties(STRONG, false));

        assertThat(key.getAlgorithm()).isEqualTo("HmacSHA256");
        assertThat(key.getEncoded()).isEqualTo(Base64.getDecoder().decode(STRONG));
    }

    @Test
    void missingSecretFailsOutsideTheEmbeddedDefaultAndSaysHowToMakeOne() {
        assertThatThrownBy(() -> JwtSigningKey.from(properties(null, false)))
                .hasMessageContaining("no JWT signing secret")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> JwtSigningKey.from(properties("  ", false)))
                .hasMessageContaining("no JWT signing secret");
    }

    @Test
    void secretShorterThan256BitsFails() {
        String short31 = Base64.getEncoder().encodeToString("0123456789abcdefghijklmnopqrstu".getBytes());

        assertThatThrownBy(() -> JwtSigningKey.from(properties(short31, false))).hasMessageContaining("248 bits");
    }

    @Test
    void secretThatIsNotRandomFails() {
        String repeated =
                Base64.getEncoder().encodeToString("changeme".repeat(8).getBytes());

        assertThatThrownBy(() -> JwtSigningKey.from(properties(repeated, false)))
                .hasMessageContaining("weak");
    }

    @Test
    void secretThatIsNotBase64Fails() {
        assertThatThrownBy(() -> JwtSigningKey.from(properties("this is a passphrase, not base64!", false)))
                .hasMessageContaining("not base64");
    }

    @Test
    void embeddedDefaultGeneratesARandomKeyPerStartButNeverAcceptsAWeakOne() {
        SecretKey one = JwtSigningKey.from(properties(null, true));
        SecretKey two = JwtSigningKey.from(properties(null, true));

        assertThat(one.getEncoded()).hasSize(32).isNotEqualTo(two.getEncoded());
        assertThatThrownBy(
                        () -> JwtSigningKey.from(properties(Base64.getEncoder().encodeToString(new byte[16]), true)))
                .hasMessageContaining("128 bits");
    }

    @Test
    void propertiesNeverPrintTheSecret() {
        assertThat(properties(STRONG, false).toString()).doesNotContain(STRONG).contains("<hidden>");
    }

    private static JwtProperties properties(String secret, boolean generate) {
        return new JwtProperties(
                secret, generate, "severity-auth", "severity-api", Duration.ofMinutes(15), Duration.ofSeconds(30));
    }
}
