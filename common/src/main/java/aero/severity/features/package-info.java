/** The one feature encoding shared by training and serving. */
@NullMarked
package aero.severity.features;

import org.jspecify.annotations.NullMarked;
