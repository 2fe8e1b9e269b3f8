/**
 * One line per api request (method, route template, status, duration, bytes, client, request id),
 * a warning for the slow ones, and the {@code Server-Timing} header that tells a client how long the
 * api itself took.
 */
@NullMarked
package aero.severity.api.accesslog;

import org.jspecify.annotations.NullMarked;
