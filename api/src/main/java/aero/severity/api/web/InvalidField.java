package aero.severity.api.web;

/** One wrong input: the field's JSON path ({@code flights[3].pilotAge}) or parameter name, and what is wrong. */
public record InvalidField(String field, String message) {}
