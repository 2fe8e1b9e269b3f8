package aero.severity.api.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import jakarta.validation.constraints.AssertTrue;

import aero.severity.domain.FlightFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every cross-field rule of FlightFacts is reported under a real field, so a new rule cannot slip by unnamed. */
class CrossFieldRulesTest {

    @Test
    void everyAssertTrueRuleOfFlightFactsMapsToOneOfItsFields() {
        Set<String> fields = Arrays.stream(FlightFacts.class.getRecordComponents())
                .map(RecordComponent::getName)
                .collect(Collectors.toSet());
        Set<String> rules = Arrays.stream(FlightFacts.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(AssertTrue.class))
                .map(Method::getName)
                .map(name -> Character.toLowerCase(name.charAt(2)) + name.substring(3))
                .collect(Collectors.toSet());

        assertThat(ApiExceptionHandler.CROSS_FIELD_RULES.keySet()).containsExactlyInAnyOrderElementsOf(rules);
        assertThat(fields).containsAll(ApiExceptionHandler.CROSS_FIELD_RULES.values());
    }
}
