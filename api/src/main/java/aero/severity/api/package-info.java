@NullMarked
package aero.severity.api;

import org.jspecify.annotations.NullMarked;
