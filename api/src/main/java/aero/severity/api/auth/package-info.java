/**
 * Who calls the api: registered clients (hashed secrets, role, tier) exchange their credentials for
 * a short-lived HS256 JWT at {@code POST /api/v1/auth/token}; every other request carries it as a
 * bearer token, verified with jjwt. The token carries role and tier, so no request but the token
 * request touches the database.
 */
@NullMarked
package aero.severity.api.auth;

import org.jspecify.annotations.NullMarked;
