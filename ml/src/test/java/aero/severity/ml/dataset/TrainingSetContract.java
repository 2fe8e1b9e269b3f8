package aero.severity.ml.dataset;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import aero.severity.domain.FlightFacts;
import aero.severity.domain.Severity;
import aero.severity.domain.code.AircraftCategory;
import aero.severity.domain.code.EngineType;
import aero.severity.domain.code.FarPart;
import aero.severity.domain.code.FlightPhase;
import aero.severity.domain.code.FlightPurpose;
import aero.severity.domain.code.LightCondition;
import aero.severity.domain.code.PilotCertificate;
import aero.severity.domain.code.Schedule;
import aero.severity.domain.code.State;
import aero.severity.domain.code.WeatherCondition;
import aero.severity.features.FeatureEncoder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the training-set query must do on every database it runs on (PostgreSQL and H2 subclass
 * this with their own migrated database).
 */
abstract class TrainingSetContract {

    abstract DataSource dataSource();

    static final FlightFacts FULL = FlightFacts.on(LocalDate.of(2015, 7, 14))
            .localHour(15)
            .location(61.2, -149.9)
            .state(State.AK)
            .country("USA")
            .lightCondition(LightCondition.DAYL)
            .weatherCondition(WeatherCondition.IMC)
            .windSpeedKts(12)
            .windGustKts(20)
            .visibilityMiles(2.5)
            .temperatureC(18)
            .densityAltitudeFt(2400)
            .aircraftCategory(AircraftCategory.AIR)
            .make("Cessna Aircraft Co")
            .amateurBuilt(false)
            .engineCount(2)
            .engineType(EngineType.TP)
            .maxGrossWeightLbs(9_850)
            .aircraftYear(1998)
            .farPart(FarPart.PART_135)
            .schedule(Schedule.NSCH)
            .flightPurpose(FlightPurpose.BUS)
            .flightPhase(FlightPhase.APPROACH)
            .pilotAge(47)
            .pilotCertificate(PilotCertificate.ATP)
            .pilotTotalHours(8_200.0)
            .pilotMakeModelHours(950.0)
            .aircraftModel("208B")
            .registrationNumber("N208GA")
            .nearestAirportId("MRI")
            .airportDistanceMiles(1.5)
            .operatorName("Acme Air Taxi")
            .build();

    static final FlightFacts SPARSE = FlightFacts.on(LocalDate.of(2016, 2, 3)).build();

    void reset() throws SQLException {
        try (Connection db = dataSource().getConnection();
                Statement s = db.createStatement()) {
            s.execute("DELETE FROM events");
        }
    }

    private Map<String, LabelledEvent> readAll() {
        return new TrainingSetQuery(dataSource())
                .read(1962, 2100).events().stream()
                        .collect(Collectors.toMap(LabelledEvent::eventId, Function.identity()));
    }

    @Test
    void readsOneRowPerEventWithTheFactsOfItsFirstAircraftAndItsPilotInCommand() throws SQLException {
        reset();
        try (Connection db = dataSource().getConnection()) {
            AvallRows.insert(db, "20150714X00001", FULL, Severity.SERS, true);
        }

        Map<String, LabelledEvent> events = readAll();

        assertThat(events).containsOnlyKeys("20150714X00001");
        LabelledEvent event = events.get("20150714X00001");
        assertThat(event.severity()).isEqualTo(Severity.SERS);
        assertThat(event.facts()).isEqualTo(FULL);
    }

    @Test
    void eventsWithoutAKnownHighestInjuryAreDroppedAndCounted() throws SQLException {
        reset();
        try (Connection db = dataSource().getConnection()) {
            AvallRows.insert(db, "20160203X00001", SPARSE, null, false);
            AvallRows.insert(db, "20160203X00002", SPARSE, Severity.NONE, false);
            AvallRows.insert(db, "20160203X00003", SPARSE, null, false);
            try (Statement s = db.createStatement()) {
                s.execute("UPDATE events SET ev_highest_injury = 'UNKN' WHERE ev_id = '20160203X00003'");
            }
        }

        TrainingSet set = new TrainingSetQuery(dataSource()).read(2000, 2020);

        assertThat(set.events()).extracting(LabelledEvent::eventId).containsExactly("20160203X00002");
        assertThat(set.droppedWithoutLabel()).isEqualTo(2);
        assertThat(set.events().get(0).facts()).isEqualTo(SPARSE);
    }

    @Test
    void outcomeColumnsAndTablesNeverChangeTheFacts() throws SQLException {
        reset();
        List<LabelledEvent> generated = SyntheticEvents.generate(60, 2010, 2012, 17);
        try (Connection db = dataSource().getConnection()) {
            for (LabelledEvent e : generated) {
                AvallRows.insert(db, e.eventId(), e.facts(), e.severity(), false);
            }
        }
        Map<String, LabelledEvent> withoutOutcomes = readAll();
        reset();
        try (Connection db = dataSource().getConnection()) {
            for (LabelledEvent e : generated) {
                // damage, fire, injury counts, ev_type, crew injuries, injury rows, narratives, a second aircraft
                AvallRows.insert(db, e.eventId(), e.facts(), e.severity(), true);
            }
        }
        Map<String, LabelledEvent> withOutcomes = readAll();

        assertThat(withOutcomes).hasSize(generated.size());
        assertThat(withOutcomes).isEqualTo(withoutOutcomes);
    }

    @Test
    void trainingAndServingEncodeTheSameFactsIdentically() throws SQLException {
        reset();
        List<LabelledEvent> generated = SyntheticEvents.generate(200, 2010, 2014, 23);
        try (Connection db = dataSource().getConnection()) {
            for (LabelledEvent e : generated) {
                AvallRows.insert(db, e.eventId(), e.facts(), e.severity(), true);
            }
        }
        List<LabelledEvent> training =
                new TrainingSetQuery(dataSource()).read(2010, 2014).events();
        FeatureEncoder encoder = FeatureEncoder.fromJson(
                FeatureEncoder.fit(training.stream().map(LabelledEvent::facts).toList(), 20, 2)
                        .toJson());
        JsonMapper json = JsonMapper.builder().build();

        assertThat(training).hasSize(generated.size());
        for (LabelledEvent row : training) {
            FlightFacts original = generated.stream()
                    .filter(g -> g.eventId().equals(row.eventId()))
                    .findFirst()
                    .orElseThrow()
                    .facts();
            // what the api receives: the same facts as a JSON request body
            FlightFacts served = json.readValue(json.writeValueAsString(original), FlightFacts.class);
            assertThat(encoder.encode(row.facts())).as(row.eventId()).containsExactly(encoder.encode(served));
        }
    }

    @Test
    void withoutDecimalDegreesTheDdmmssTextGivesTheLocationAsForEventsLocation() throws SQLException {
        reset();
        try (Connection db = dataSource().getConnection()) {
            AvallRows.insert(db, "19920101X00001", SPARSE, Severity.FATL, false);
            AvallRows.insert(db, "19920101X00002", SPARSE, Severity.NONE, false);
            try (Statement s = db.createStatement()) {
                // older avall events: no decimals (or the 0 placeholder), the position as DDMMSS text
                s.execute("UPDATE events SET dec_latitude = NULL, dec_longitude = NULL, latitude = '324406N',"
                        + " longitude = '1171123W' WHERE ev_id = '19920101X00001'");
                s.execute(
                        "UPDATE events SET dec_latitude = 0, dec_longitude = 0, latitude = 'garbage', longitude = NULL"
                                + " WHERE ev_id = '19920101X00002'");
            }
        }

        Map<String, LabelledEvent> events = readAll();

        assertThat(events.get("19920101X00001").facts().latitude())
                .isCloseTo(32 + 44 / 60.0 + 6 / 3600.0, within(1e-9));
        assertThat(events.get("19920101X00001").facts().longitude())
                .isCloseTo(-(117 + 11 / 60.0 + 23 / 3600.0), within(1e-9));
        assertThat(events.get("19920101X00002").facts().latitude())
                .as("0,0 and unreadable text: unknown")
                .isNull();
        assertThat(events.get("19920101X00002").facts().longitude()).isNull();
    }

    @Test
    void readsOnlyTheRequestedYears() throws SQLException {
        reset();
        try (Connection db = dataSource().getConnection()) {
            AvallRows.insert(db, "20150714X00001", FULL, Severity.FATL, false);
            AvallRows.insert(db, "20160203X00002", SPARSE, Severity.NONE, false);
        }

        assertThat(new TrainingSetQuery(dataSource()).read(2016, 2016).events())
                .extracting(LabelledEvent::eventId)
                .containsExactly("20160203X00002");
    }
}
