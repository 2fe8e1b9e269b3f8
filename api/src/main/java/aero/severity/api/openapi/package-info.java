/** The OpenAPI 3 document ({@code /v3/api-docs}) and Swagger UI: bearer scheme, problem details, examples. */
@NullMarked
package aero.severity.api.openapi;

import org.jspecify.annotations.NullMarked;
