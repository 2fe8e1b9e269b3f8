package aero.severity.ml.cli;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Training defaults ({@code SEVERITY_TRAINING_TRAINUNTIL}: relaxed binding drops the dash of train-until, ...); the command line overrides them.
 *
 * @param trainUntil      last training year T (validation T+1..T+validationYears); 2017 for the full
 *                        avall database, 2010 for the real extracts that end in 2012
 * @param trainFrom       first training year, or unset for all
 * @param validationYears how many years after T to validate on
 * @param algorithm       the model to register: {@code xgboost} or {@code logistic_regression}
 */
@Validated
@ConfigurationProperties("severity.training")
record TrainingProperties(
        @Min(1962) @Max(2100) @DefaultValue("2017") int trainUntil,
        @Nullable Integer trainFrom,
        @Min(1) @Max(10) @DefaultValue("2") int validationYears,
        @NotBlank @DefaultValue("xgboost") String algorithm) {}
