/** NTSB code tables as types: parsing tolerates padding and the many spellings of unknown. */
@NullMarked
package aero.severity.domain.code;

import org.jspecify.annotations.NullMarked;
