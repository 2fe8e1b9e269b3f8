package aero.severity.api.auth;

import java.time.Instant;

record IssuedToken(String value, Instant expiresAt) {}
