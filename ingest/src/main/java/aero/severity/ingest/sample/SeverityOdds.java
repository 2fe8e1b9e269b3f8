package aero.severity.ingest.sample;

import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The true relation between pre-outcome facts and severity in generated data: a multinomial logit
 * against NONE. The effects follow the accident literature and NTSB statistics: instrument weather,
 * night, amateur-built aircraft, maneuvering and cruise, low-time pilots and gusts raise the odds of
 * a fatal outcome; taxi, standing and landing accidents are rarely fatal; air carrier (Part 121)
 * events are mostly incidents without injury. Serious and minor share a damped version of the
 * same effect, so severity is ordinal. The intercepts are calibrated on a sample of flights so the
 * classes come out in the real avall proportions (NONE 55%, FATL 19%, MINR 15%, SERS 11%).
 */
final class SeverityOdds {

    static final String[] CODES = {"FATL", "SERS", "MINR", "NONE"};
    private static final double[] TARGET = {0.19, 0.11, 0.15, 0.55};

    private final double[] intercept = {-1.0, -1.5, -1.2};

    SeverityOdds(Supplier<Flight> sample) {
        Flight[] flights = new Flight[20_000];
        for (int i = 0; i < flights.length; i++) {
            flights[i] = sample.get();
        }
        for (int round = 0; round < 60; round++) {
            double[] mean = new double[4];
            for (Flight flight : flights) {
                double[] p = probabilities(flight);
                for (int k = 0; k < 4; k++) {
                    mean[k] += p[k] / flights.length;
                }
            }
            for (int k = 0; k < 3; k++) {
                intercept[k] += Math.log(TARGET[k] / mean[k]) - Math.log(TARGET[3] / mean[3]);
            }
        }
    }

    /** How much worse than average this flight's circumstances are, on the fatal log-odds scale. */
    static double risk(Flight f) {
        double risk = 0;
        risk += f.imc() ? 1.4 : 0;
        risk += f.night() ? 0.7 : 0;
        risk += f.light().equals("DUSK") || f.light().equals("DAWN") ? 0.2 : 0;
        risk += f.amateurBuilt() ? 0.5 : 0;
        risk += switch (f.phase() / 10) {
            case 58 -> 1.0; // maneuvering
            case 54 -> 0.6; // cruise
            case 53 -> 0.5; // climb
            case 55 -> 0.4; // descent
            case 56 -> f.phase() == 565 || f.phase() == 569 ? 0.2 : 0.3; // approach, go-around
            case 52 -> 0.1; // takeoff
            case 57 -> -1.4; // landing
            case 51 -> -2.2; // taxi
            case 50 -> -2.0; // standing
            default -> 0.0;
        };
        risk += f.totalHours() < 100 ? 0.5 : f.totalHours() < 500 ? 0.2 : f.totalHours() > 5000 ? -0.3 : 0;
        risk += f.gustKts() > 20 ? 0.3 : 0;
        risk += f.pilotAge() > 70 ? 0.3 : 0;
        risk += switch (f.category()) {
            case "HELI" -> 0.3;
            case "GLI" -> -0.3;
            case "BALL" -> -0.5;
            default -> 0.0;
        };
        risk += switch (f.farPart()) {
            case "121" -> -1.8;
            case "135" -> -0.2;
            case "137" -> 0.3;
            default -> 0.0;
        };
        return risk;
    }

    double[] probabilities(Flight flight) {
        return probabilities(flight, 0);
    }

    /** With {@code extraRisk} added to the fatal log-odds scale (a {@link Shift}). */
    double[] probabilities(Flight flight, double extraRisk) {
        double risk = risk(flight) + extraRisk;
        boolean bumpy = flight.category().equals("BALL") || flight.category().equals("HELI");
        double fatal = Math.exp(intercept[0] + risk);
        double serious = Math.exp(intercept[1] + 0.6 * risk + (bumpy ? 0.4 : 0));
        double minor = Math.exp(intercept[2] + 0.35 * risk);
        double sum = fatal + serious + minor + 1;
        return new double[] {fatal / sum, serious / sum, minor / sum, 1 / sum};
    }

    /** Index into {@link #CODES}. */
    int draw(Flight flight, double extraRisk, SplittableRandom random) {
        double[] p = probabilities(flight, extraRisk);
        double pick = random.nextDouble();
        for (int k = 0; k < 3; k++) {
            pick -= p[k];
            if (pick < 0) {
                return k;
            }
        }
        return 3;
    }
}
