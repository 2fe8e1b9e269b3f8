package aero.severity.api.auth;

import java.time.Clock;
import javax.crypto.SecretKey;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The api's security: stateless bearer tokens for everything under {@code /api/v1} except the token
 * endpoint; admins alone manage clients and reload models. Authentication and authorization failures
 * are handed to the MVC exception resolver, so they become the same problem details (and metrics)
 * as every other error.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    SecretKey jwtSigningKey(JwtProperties properties) {
        return JwtSigningKey.from(properties);
    }

    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, JwtProperties properties, Clock clock) {
        return new JjwtDecoder(jwtSigningKey, properties, clock);
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: with ~15
     * filters that is dozens of observations per request (Micrometer was a sixth of the CPU samples of
     * an authenticated cache hit in a JFR profile, mostly these). No dashboard or alert reads the
     * {@code spring_security_*} meters; {@code http_server_requests_seconds} still times every request.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiEndpoints(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver)
            throws Exception {
        AuthenticationEntryPoint entryPoint =
                (request, response, failure) -> resolver.resolveException(request, response, null, failure);
        AccessDeniedHandler deniedHandler =
                (request, response, denied) -> resolver.resolveException(request, response, null, denied);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole(ClientRole.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/models/reload")
                        .hasRole(ClientRole.ADMIN.name())
                        .requestMatchers("/api/**")
                        .authenticated()
                        // the OpenAPI document, Swagger UI, and 404s for everything else
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new BearerHeaderTokenResolver())
                        .jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(roleFromClaim()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    private static JwtAuthenticationConverter roleFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Caller.ROLE_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }
}
