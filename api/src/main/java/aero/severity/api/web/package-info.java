/**
 * What every endpoint shares: one {@code @RestControllerAdvice} that turns every failure into an
 * RFC 9457 problem detail naming the offending field (and counts it), and the request-body size limit.
 */
@NullMarked
package aero.severity.api.web;

import org.jspecify.annotations.NullMarked;
