package aero.severity.ingest.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Makes one event with all its rows, keyed by database table and column names. Pre-outcome facts
 * come first ({@link Flight}), the outcome is drawn from them ({@link SeverityOdds}), and the outcome
 * rows (injuries, damage, findings, occurrences, narratives) agree with it.
 */
final class EventFactory {

    private static final String[] MAKES_AIR = {
        "CESSNA",
        "PIPER",
        "BEECH",
        "MOONEY",
        "CIRRUS",
        "GRUMMAN",
        "MAULE",
        "AERONCA",
        "CHAMPION",
        "LUSCOMBE",
        "TAYLORCRAFT",
        "NORTH AMERICAN",
        "AIR TRACTOR",
        "BELLANCA",
        "DIAMOND"
    };
    private static final double[] MAKES_AIR_W = {31, 19, 9, 3, 2.5, 2, 1.5, 2, 1.5, 1, 1, 1, 1.5, 1.5, 1};
    private static final String[] MAKES_CARRIER = {"BOEING", "MCDONNELL DOUGLAS", "AIRBUS", "EMBRAER", "BOMBARDIER"};
    private static final String[] MAKES_HELI = {"ROBINSON", "BELL", "HUGHES", "EUROCOPTER", "SIKORSKY", "SCHWEIZER"};
    private static final String[] MAKES_AMATEUR = {"VANS", "KITFOX", "LANCAIR", "RANS", "GLASAIR", "ZENITH"};
    private static final String[] CARRIER_MODELS = {"737-7H4", "MD-82", "A320-232", "ERJ 170", "CL-600-2B19", "757-232"
    };
    private static final String[] REGIONS = {"ATL", "CHI", "DEN", "FTW", "LAX", "MIA", "NYC", "SEA", "ANC", "DCA"};
    private static final String[] REGIONS_2008 = {"ERA", "CEN", "WPR", "ANC", "DCA"};

    private final SeverityOdds odds;
    private final int fromYear;
    private final int toYear;
    private final Shift shift;

    EventFactory() {
        this(SampleOptions.FIRST_YEAR, SampleOptions.LAST_YEAR, Shift.NONE);
    }

    /** The outcome odds are always calibrated on the usual years and mix: a shift changes the world, not the baseline. */
    EventFactory(int fromYear, int toYear, Shift shift) {
        SplittableRandom calibration = new SplittableRandom(20240601L);
        this.odds = new SeverityOdds(
                () -> flight(calibration, SampleOptions.FIRST_YEAR, SampleOptions.LAST_YEAR, Shift.NONE));
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.shift = shift;
    }

    /** One generated event: rows per database table name, and its severity code as written. */
    record Event(String evId, Map<String, List<Map<String, Object>>> rows, String severity) {}

    Event event(long seed, int index) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        Flight flight = flight(random);
        int outcome = odds.draw(flight, shift.extraRisk(flight), random);
        String severity = SeverityOdds.CODES[outcome];
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        String evId = evId(flight.date(), index);
        boolean modern = flight.date().getYear() >= 2008;
        LocalDateTime changed = flight.date()
                .plusDays(200 + random.nextInt(900))
                .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));

        // ---- events
        Map<String, Object> ev = new HashMap<>();
        boolean foreign = random.nextDouble() < 0.025;
        double lat;
        double lon;
        String city;
        if (foreign) {
            Geography.Country country = Geography.country(random);
            lat = country.lat() + (random.nextDouble() * 2 - 1) * country.spread();
            lon = country.lon() + (random.nextDouble() * 2 - 1) * country.spread();
            ev.put("ev_country", country.code());
            city = "Foreign";
        } else {
            Geography.Place place = Geography.place(random);
            lat = place.lat() + (random.nextDouble() * 2 - 1) * place.dLat();
            lon = place.lon() + (random.nextDouble() * 2 - 1) * place.dLon();
            ev.put("ev_state", place.state());
            ev.put("ev_country", "USA");
            ev.put("ev_tmzn", zone(place.zone(), flight.date()));
            city = place.cities().get(random.nextInt(place.cities().size()));
            ev.put("ev_site_zipcode", String.format(Locale.ROOT, "%05d", 10000 + random.nextInt(89999)));
        }
        ev.put("ev_id", evId);
        ev.put("ntsb_no", ntsbNo(flight, severity, index, random));
        ev.put("ev_type", severity.equals("NONE") && random.nextDouble() < 0.3 ? "INC" : "ACC");
        ev.put("ev_date", flight.date().atStartOfDay());
        ev.put("ev_dow", dow(flight.date().getDayOfWeek()));
        ev.put("ev_time", flight.hhmm());
        ev.put("ev_city", random.nextDouble() < 0.1 ? city.toUpperCase(Locale.ROOT) : city);
        ev.put("ev_year", flight.date().getYear());
        ev.put("ev_month", flight.date().getMonthValue());
        ev.put("mid_air", "N");
        ev.put("on_ground_collision", "N");
        coordinates(ev, lat, lon, modern, random);
        boolean atAirport = flight.phase() / 10 == 50
                || flight.phase() / 10 == 51
                || flight.phase() / 10 == 57
                || random.nextDouble() < 0.3;
        ev.put("ev_nr_apt_loc", atAirport ? "ONAP" : "OFAP");
        ev.put("apt_dist", atAirport ? 0f : (float) Math.round(random.nextDouble() * 250) / 10f);
        ev.put("apt_elev", random.nextInt(6000));
        ev.put("light_cond", flight.light());
        ev.put("wx_cond_basic", flight.weather() == null ? (random.nextBoolean() ? "UNK" : "") : flight.weather());
        weather(ev, flight, random);
        ev.put("lchg_date", changed);
        ev.put("lchg_userid", "dbo");
        ev.put("invest_agy", "N");
        ev.put("ntsb_docket", random.nextInt(60000));

        // ---- aircraft, engines, crew
        int aircraftCount = random.nextDouble() < 0.015 ? 2 : 1;
        if (aircraftCount == 2) {
            ev.put("mid_air", "Y");
        }
        List<Map<String, Object>> aircraftRows = new ArrayList<>();
        int[] injuries = new int[4]; // FATL SERS MINR NONE across the event
        for (int key = 1; key <= aircraftCount; key++) {
            Flight f = key == 1 ? flight : flight(random);
            Map<String, Object> ac = aircraft(evId, key, f, severity, changed, random);
            aircraftRows.add(ac);
            add(rows, "engines", engines(evId, key, f, changed, random));
            crew(rows, evId, key, f, changed, random);
            injuries(rows, evId, key, f, key == 1 ? outcome : 3, injuries, changed, random);
            add(rows, "narratives", List.of(narrative(evId, key, f, severity, changed)));
            if (modern) {
                findings(rows, evId, key, f, changed, random);
            } else {
                occurrences(rows, evId, key, f, changed, random);
            }
        }
        ev.put("inj_tot_f", injuries[0]);
        ev.put("inj_tot_s", injuries[1]);
        ev.put("inj_tot_m", injuries[2]);
        ev.put("inj_tot_n", injuries[3]);
        ev.put("inj_tot_t", injuries[0] + injuries[1] + injuries[2]);
        String written = random.nextDouble() < 0.012 ? "" : random.nextDouble() < 0.003 ? "UNKN" : severity;
        ev.put("ev_highest_injury", written);
        rows.put("events", List.of(ev));
        rows.put("aircraft", aircraftRows);
        Map<String, Object> admin = new HashMap<>();
        admin.put("ev_id", evId);
        admin.put("rec_stat", random.nextDouble() < 0.9 ? "F" : "P");
        admin.put("approval_date", changed.toLocalDate().minusDays(30).atStartOfDay());
        admin.put("lchg_date", changed);
        rows.put("ntsb_admin", List.of(admin));
        return new Event(evId, rows, written);
    }

    // ------------------------------------------------------------------------------------------
    // pre-outcome facts

    Flight flight(SplittableRandom random) {
        return flight(random, fromYear, toYear, shift);
    }

    private static Flight flight(SplittableRandom random, int fromYear, int toYear, Shift shift) {
        // Volume falls from ~3,500 events a year in the early 1980s to ~1,500 in the 2020s; a narrower
        // range keeps that shape by drawing until the year falls inside it.
        int year;
        do {
            year = 1982 + random.nextInt(44);
        } while (random.nextDouble() > 1.0 - (year - 1982) * 0.013 || year < fromYear || year > toYear);
        int month = random.nextDouble() < 0.3 ? 5 + random.nextInt(4) : 1 + random.nextInt(12);
        LocalDate date = LocalDate.of(year, month, 1).plusDays(random.nextInt(28));
        int hour = clamp((int) Math.round(13 + random.nextGaussian() * 3.8), 0, 23);
        if (shift == Shift.NIGHT_IMC && random.nextDouble() < 0.6) {
            hour = (21 + random.nextInt(8)) % 24; // 21:00-04:59
        }
        int hhmm = hour * 100 + random.nextInt(12) * 5;
        String light = hour >= 8 && hour <= 17
                ? "DAYL"
                : hour == 6 || hour == 7
                        ? (random.nextBoolean() ? "DAWN" : "DAYL")
                        : hour == 18 || hour == 19
                                ? (random.nextBoolean() ? "DUSK" : "DAYL")
                                : pick(random, new String[] {"NITE", "NDRK", "NBRT"});
        double w = random.nextDouble();
        String weather = w < 0.085 ? "IMC" : w < 0.965 ? "VMC" : null;
        if (shift == Shift.NIGHT_IMC && (hour >= 21 || hour <= 4)) {
            weather = random.nextDouble() < 0.7 ? "IMC" : weather;
        }

        boolean airCarrier = random.nextDouble() < 0.03;
        String category;
        String farPart;
        double c = random.nextDouble();
        if (airCarrier) {
            category = "AIR";
            farPart = "121";
        } else {
            category = c < 0.86
                    ? "AIR"
                    : c < 0.95
                            ? "HELI"
                            : c < 0.975 ? "GLI" : c < 0.985 ? "BALL" : c < 0.992 ? "GYRO" : c < 0.996 ? "WSFT" : "PPAR";
            double p = random.nextDouble();
            farPart = p < 0.86
                    ? "091"
                    : p < 0.92
                            ? "137"
                            : p < 0.975 ? "135" : p < 0.985 ? "129" : p < 0.99 ? "091K" : p < 0.995 ? "PUBU" : "NUSN";
        }
        boolean amateur = !airCarrier
                && !farPart.equals("137")
                && !farPart.equals("135")
                && random.nextDouble() < (year < 1995 ? 0.06 : 0.13);
        String make;
        int engines;
        String engineType;
        if (airCarrier) {
            make = pick(random, MAKES_CARRIER);
            engines = random.nextDouble() < 0.85 ? 2 : random.nextBoolean() ? 3 : 4;
            engineType = random.nextDouble() < 0.85 ? "TF" : random.nextBoolean() ? "TP" : "TJ";
        } else if (category.equals("HELI")) {
            make = pick(random, MAKES_HELI);
            engines = random.nextDouble() < 0.9 ? 1 : 2;
            engineType = make.equals("ROBINSON") || random.nextDouble() < 0.3 ? "REC" : "TS";
        } else if (category.equals("GLI") || category.equals("BALL")) {
            make = category.equals("GLI")
                    ? pick(random, new String[] {"SCHWEIZER", "SCHLEICHER", "SCHEMPP-HIRTH"})
                    : pick(random, new String[] {"CAMERON", "LINDSTRAND", "AEROSTAR", "HEAD"});
            engines = 0;
            engineType = "NONE";
        } else if (amateur) {
            make = pick(random, MAKES_AMATEUR);
            engines = 1;
            engineType = "REC";
        } else {
            make = pick(random, MAKES_AIR, MAKES_AIR_W);
            boolean twin = random.nextDouble() < 0.13;
            engines = twin ? 2 : 1;
            engineType = farPart.equals("137") && random.nextDouble() < 0.4
                    ? "TP"
                    : twin && random.nextDouble() < 0.25 ? "TP" : "REC";
        }
        if (random.nextDouble() < 0.2) {
            make = make.charAt(0) + make.substring(1).toLowerCase(Locale.ROOT); // avall does not normalise case
        }
        String purpose = airCarrier
                ? "SCAC"
                : switch (farPart) {
                    case "137" -> "AAPL";
                    case "135" -> pick(random, new String[] {"ATXA", "ATXC", "AIRM", "SITE"});
                    case "129" -> "SCAC";
                    case "PUBU" -> "PUBU";
                    default -> {
                        double q = random.nextDouble();
                        yield q < 0.62
                                ? "PERS"
                                : q < 0.78
                                        ? "INST"
                                        : q < 0.84
                                                ? "BUS"
                                                : q < 0.88
                                                        ? "POSI"
                                                        : q < 0.91
                                                                ? "OTH"
                                                                : q < 0.93
                                                                        ? "FERY"
                                                                        : q < 0.95
                                                                                ? "EXEC"
                                                                                : q < 0.97
                                                                                        ? "ASHO"
                                                                                        : q < 0.98 ? "BANT" : "SKYD";
                    }
                };
        int phase = phase(random, category, purpose);
        String certificate;
        double cert = random.nextDouble();
        if (airCarrier) {
            certificate = "ATP";
        } else if (farPart.equals("135") || farPart.equals("137")) {
            certificate = cert < 0.5 ? "COMM" : "ATP";
        } else {
            certificate = cert < 0.5
                    ? "PRI"
                    : cert < 0.8
                            ? "COMM"
                            : cert < 0.89
                                    ? "ATP"
                                    : cert < 0.96 ? "STU" : cert < 0.98 ? "SPRT" : cert < 0.99 ? "REC" : "NONE";
        }
        double median = switch (certificate) {
            case "ATP" -> 9000;
            case "COMM" -> 2500;
            case "PRI" -> 450;
            case "STU" -> 45;
            case "SPRT", "REC" -> 250;
            default -> 300;
        };
        double total = Math.max(1, Math.round(median * Math.exp(random.nextGaussian() * 0.9)));
        double makeHours = Math.max(1, Math.round(total * (0.05 + random.nextDouble() * 0.6)));
        int age = clamp((int) Math.round((certificate.equals("STU") ? 32 : 50) + random.nextGaussian() * 13), 16, 89);
        int gust = random.nextDouble() < 0.15 ? 12 + random.nextInt(25) : 0;
        return new Flight(
                date,
                hhmm,
                light,
                weather,
                category,
                make,
                amateur,
                engines,
                engineType,
                farPart,
                purpose,
                phase,
                age,
                certificate,
                total,
                makeHours,
                gust,
                airCarrier);
    }

    private static int phase(SplittableRandom random, String category, String purpose) {
        if (category.equals("HELI") && random.nextDouble() < 0.12) {
            return 590 + random.nextInt(3);
        }
        if (purpose.equals("AAPL") && random.nextDouble() < 0.5) {
            return 581;
        }
        double p = random.nextDouble();
        if (p < 0.26) {
            return pick(random, new int[] {570, 571, 572, 573, 574, 575});
        }
        if (p < 0.44) {
            return pick(random, new int[] {520, 521, 522, 523});
        }
        if (p < 0.56) {
            return pick(random, new int[] {540, 541, 542});
        }
        if (p < 0.66) {
            return pick(random, new int[] {580, 582, 583});
        }
        if (p < 0.76) {
            return pick(random, new int[] {560, 561, 563, 564, 565, 566, 569});
        }
        if (p < 0.81) {
            return pick(random, new int[] {530, 531});
        }
        if (p < 0.85) {
            return pick(random, new int[] {550, 551, 552});
        }
        if (p < 0.91) {
            return pick(random, new int[] {510, 512, 513});
        }
        if (p < 0.94) {
            return pick(random, new int[] {500, 501, 502, 503});
        }
        return p < 0.97 ? 600 : 610;
    }

    // ------------------------------------------------------------------------------------------
    // rows

    private static void coordinates(
            Map<String, Object> ev, double lat, double lon, boolean modern, SplittableRandom random) {
        double form = random.nextDouble();
        boolean decimal;
        boolean text;
        if (modern) {
            decimal = form < 0.93;
            text = form < 0.85 || (form >= 0.93 && form < 0.96);
        } else {
            decimal = form >= 0.45 && form < 0.75;
            text = form < 0.75;
        }
        double roundedLat = Math.round(lat * 10_000) / 10_000.0;
        double roundedLon = Math.round(lon * 10_000) / 10_000.0;
        if (decimal) {
            ev.put("dec_latitude", roundedLat);
            ev.put("dec_longitude", roundedLon);
        } else if (text && random.nextDouble() < 0.1) {
            ev.put("dec_latitude", 0.0); // avall's placeholder for "no decimal coordinates"
            ev.put("dec_longitude", 0.0);
        }
        if (text) {
            boolean lower = random.nextDouble() < 0.03;
            ev.put("latitude", dms(lat, 2, lat >= 0 ? "N" : "S", lower));
            ev.put("longitude", dms(lon, 3, lon >= 0 ? "E" : "W", lower));
        }
    }

    /** DDMMSS[N|S] / DDDMMSS[E|W], as avall's latitude/longitude text columns hold them. */
    static String dms(double degrees, int width, String hemisphere, boolean lower) {
        long seconds = Math.round(Math.abs(degrees) * 3600);
        String text =
                String.format(Locale.ROOT, "%0" + width + "d%02d%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
        return text + (lower ? hemisphere.toLowerCase(Locale.ROOT) : hemisphere);
    }

    private static void weather(Map<String, Object> ev, Flight f, SplittableRandom random) {
        boolean imc = f.imc();
        ev.put(
                "sky_cond_ceil",
                imc ? pick(random, new String[] {"OVC", "BKN", "VV"}) : random.nextBoolean() ? "NONE" : "BKN");
        ev.put("sky_ceil_ht", imc ? 100 * (2 + random.nextInt(10)) : 1000 * (3 + random.nextInt(20)));
        ev.put("vis_sm", imc ? (float) (random.nextInt(12) / 4.0) : (float) (5 + random.nextInt(6)));
        int month = f.date().getMonthValue();
        int temp = (int) Math.round(15 - 12 * Math.cos((month - 1) / 12.0 * 2 * Math.PI) + random.nextGaussian() * 6);
        ev.put("wx_temp", temp);
        ev.put("wx_dew_pt", temp - random.nextInt(15));
        int wind = f.gustKts() > 0 ? Math.max(5, f.gustKts() - 8 - random.nextInt(6)) : random.nextInt(14);
        ev.put("wind_vel_kts", wind);
        ev.put("wind_dir_deg", random.nextInt(36) * 10);
        ev.put("wind_vel_ind", wind == 0 ? "CALM" : "");
        ev.put("gust_ind", f.gustKts() > 0 ? "G" : "N");
        ev.put("gust_kts", f.gustKts());
        ev.put("altimeter", (float) (Math.round((29.92 + random.nextGaussian() * 0.2) * 100) / 100.0));
        ev.put("wx_dens_alt", (int) Math.round(random.nextDouble() * 6000 + temp * 120 - 1000));
        ev.put("wx_src_iic", pick(random, new String[] {"WFAC", "PILO", "WIT", "UNK"}));
    }

    private static Map<String, Object> aircraft(
            String evId, int key, Flight f, String severity, LocalDateTime changed, SplittableRandom random) {
        Map<String, Object> ac = new HashMap<>();
        ac.put("ev_id", evId);
        ac.put("aircraft_key", key);
        ac.put(
                "regis_no",
                "N" + (100 + random.nextInt(99000))
                        + (random.nextBoolean() ? "" : String.valueOf((char) ('A' + random.nextInt(26)))));
        ac.put("far_part", f.farPart());
        ac.put("damage", damage(severity, random));
        ac.put("acft_fire", severity.equals("FATL") && random.nextDouble() < 0.3 ? "GRD" : "NONE");
        ac.put("acft_make", f.make());
        ac.put("acft_model", f.airCarrier() ? pick(random, CARRIER_MODELS) : model(f, random));
        ac.put("acft_category", f.category());
        ac.put("homebuilt", f.amateurBuilt() ? "Y" : "N");
        ac.put("num_eng", f.engines());
        ac.put(
                "cert_max_gr_wt",
                f.airCarrier()
                        ? 60_000 + random.nextInt(120_000)
                        : f.engines() > 1 ? 4000 + random.nextInt(6000) : 1200 + random.nextInt(2600));
        ac.put("total_seats", f.airCarrier() ? 50 + random.nextInt(150) : 1 + random.nextInt(6));
        ac.put("fixed_retractable", random.nextDouble() < 0.7 ? "FIXD" : "RETR");
        ac.put("afm_hrs", (float) Math.round(random.nextDouble() * 12000));
        ac.put("date_last_insp", f.date().minusDays(random.nextInt(360)).atStartOfDay());
        ac.put("type_fly", f.purpose());
        ac.put(
                "oper_sched",
                f.airCarrier()
                        ? (random.nextDouble() < 0.9 ? "SCHD" : "NSCH")
                        : f.farPart().equals("135") ? "NSCH" : "");
        ac.put("oper_dom_int", f.airCarrier() ? "DOM" : "");
        ac.put("oper_pax_cargo", f.airCarrier() ? "PAX" : "");
        ac.put("phase_flt_spec", f.phase());
        ac.put("acft_year", f.date().getYear() - 2 - random.nextInt(45));
        ac.put("dprt_time", Math.max(0, f.hhmm() - 100));
        ac.put("owner_acft", "Owner " + (char) ('A' + random.nextInt(26)) + random.nextInt(1000));
        ac.put("lchg_date", changed);
        ac.put("lchg_userid", "dbo");
        ac.put("commercial_space_flight", false);
        ac.put("unmanned", false);
        return ac;
    }

    private static String model(Flight f, SplittableRandom random) {
        String make = f.make().toUpperCase(Locale.ROOT);
        return switch (make) {
            case "CESSNA" -> pick(random, new String[] {"172N", "152", "182P", "172S", "150M", "210L", "310R"});
            case "PIPER" -> pick(random, new String[] {"PA-28-181", "PA-18-150", "PA-32R-300", "J3C-65", "PA-28-140"});
            case "BEECH" -> pick(random, new String[] {"A36", "V35B", "58", "C23", "E90"});
            case "ROBINSON" -> pick(random, new String[] {"R22 BETA", "R44 II", "R66"});
            case "BELL" -> pick(random, new String[] {"206B", "407", "47G-2"});
            case "AIR TRACTOR" -> pick(random, new String[] {"AT-502B", "AT-802A"});
            case "CIRRUS" -> pick(random, new String[] {"SR22", "SR20"});
            default -> String.valueOf((char) ('A' + random.nextInt(26))) + (1 + random.nextInt(99));
        };
    }

    private static String damage(String severity, SplittableRandom random) {
        double d = random.nextDouble();
        return switch (severity) {
            case "FATL" -> d < 0.7 ? "DEST" : "SUBS";
            case "SERS" -> d < 0.25 ? "DEST" : d < 0.95 ? "SUBS" : "MINR";
            case "MINR" -> d < 0.1 ? "DEST" : d < 0.95 ? "SUBS" : "MINR";
            default -> d < 0.75 ? "SUBS" : d < 0.9 ? "MINR" : "NONE";
        };
    }

    private static List<Map<String, Object>> engines(
            String evId, int key, Flight f, LocalDateTime changed, SplittableRandom random) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int no = 1; no <= f.engines(); no++) {
            Map<String, Object> en = new HashMap<>();
            en.put("ev_id", evId);
            en.put("aircraft_key", key);
            en.put("eng_no", no);
            en.put("eng_type", f.engineType());
            boolean turbine = !f.engineType().equals("REC");
            en.put(
                    "eng_mfgr",
                    turbine
                            ? pick(random, new String[] {"Pratt & Whitney", "GE", "Rolls-Royce", "Honeywell"})
                            : pick(random, new String[] {"Lycoming", "LYCOMING", "Continental", "CONT MOTOR", "Rotax"
                            }));
            en.put("eng_model", turbine ? "PW" + (100 + random.nextInt(900)) : "O-" + (200 + 20 * random.nextInt(20)));
            en.put(
                    "power_units",
                    f.engineType().equals("TF") || f.engineType().equals("TJ")
                            ? 14000 + random.nextInt(16000)
                            : turbine ? 500 + random.nextInt(1500) : 65 + random.nextInt(300));
            en.put("hp_or_lbs", f.engineType().equals("TF") || f.engineType().equals("TJ") ? "LBS" : "HP");
            en.put("carb_fuel_injection", turbine ? "" : random.nextBoolean() ? "CARB" : "FINJ");
            en.put("lchg_date", changed);
            list.add(en);
        }
        return list;
    }

    private static void crew(
            Map<String, List<Map<String, Object>>> rows,
            String evId,
            int key,
            Flight f,
            LocalDateTime changed,
            SplittableRandom random) {
        int crew = f.airCarrier() || (f.farPart().equals("135") && random.nextBoolean())
                ? 2
                : f.purpose().equals("INST") ? (random.nextDouble() < 0.6 ? 2 : 1) : 1;
        for (int no = 1; no <= crew; no++) {
            boolean pilot = no == 1;
            Map<String, Object> fc = new HashMap<>();
            fc.put("ev_id", evId);
            fc.put("aircraft_key", key);
            fc.put("crew_no", no);
            fc.put("crew_category", pilot ? "PLT" : f.purpose().equals("INST") ? "FLTI" : "CPLT");
            fc.put("crew_age", pilot ? f.pilotAge() : clamp((int) Math.round(45 + random.nextGaussian() * 12), 17, 85));
            fc.put("crew_sex", random.nextDouble() < 0.94 ? "M" : "F");
            fc.put("med_certf", pick(random, new String[] {"CL1", "CL2", "CL3"}));
            fc.put("seatbelts_used", "Y");
            fc.put("lchg_date", changed);
            add(rows, "flight_crew", List.of(fc));
            String cert = pilot ? f.certificate() : pick(random, new String[] {"COMM", "ATP", "CFI"});
            double total = pilot ? f.totalHours() : Math.round(2000 * Math.exp(random.nextGaussian() * 0.8));
            double make = pilot ? f.makeHours() : Math.round(total * 0.3);
            List<Map<String, Object>> certs = new ArrayList<>();
            certs.add(dt(evId, key, no, "crew_cert_code", cert, changed));
            if (!cert.equals("STU") && random.nextDouble() < 0.6) {
                certs.add(dt(
                        evId, key, no, "crew_rat_airpln", pick(random, new String[] {"SEL", "MEL", "SES"}), changed));
            }
            add(rows, "dt_flight_crew", certs);
            List<Map<String, Object>> hours = new ArrayList<>();
            hours.add(time(evId, key, no, "TOTL", "ALL", total, changed));
            hours.add(time(evId, key, no, "TOTL", "MAKE", make, changed));
            hours.add(time(
                    evId,
                    key,
                    no,
                    "L90D",
                    "ALL",
                    Math.min(total, (double) Math.round(random.nextDouble() * 120)),
                    changed));
            hours.add(time(
                    evId,
                    key,
                    no,
                    "L30D",
                    "ALL",
                    Math.min(total, (double) Math.round(random.nextDouble() * 40)),
                    changed));
            hours.add(time(
                    evId,
                    key,
                    no,
                    "L24H",
                    "ALL",
                    Math.min(total, (double) Math.round(random.nextDouble() * 6)),
                    changed));
            add(rows, "flight_time", hours);
        }
    }

    private static Map<String, Object> dt(
            String evId, int key, int crew, String column, String code, LocalDateTime changed) {
        Map<String, Object> row = new HashMap<>();
        row.put("ev_id", evId);
        row.put("aircraft_key", key);
        row.put("crew_no", crew);
        row.put("col_name", column);
        row.put("code", code);
        row.put("lchg_date", changed);
        return row;
    }

    private static Map<String, Object> time(
            String evId, int key, int crew, String type, String craft, double hours, LocalDateTime changed) {
        Map<String, Object> row = new HashMap<>();
        row.put("ev_id", evId);
        row.put("aircraft_key", key);
        row.put("crew_no", crew);
        row.put("flight_type", type);
        row.put("flight_craft", craft);
        row.put("flight_hours", (float) hours);
        row.put("lchg_date", changed);
        return row;
    }

    private static final String[] LEVELS = {"FATL", "SERS", "MINR", "NONE"};

    private static void injuries(
            Map<String, List<Map<String, Object>>> rows,
            String evId,
            int key,
            Flight f,
            int outcome,
            int[] totals,
            LocalDateTime changed,
            SplittableRandom random) {
        int aboard =
                f.airCarrier() ? 30 + random.nextInt(150) : 1 + (random.nextDouble() < 0.55 ? 0 : random.nextInt(4));
        int[] counts = new int[4];
        // the pilot gets the outcome's level; others are the same or better
        int pilotLevel = outcome;
        if (f.airCarrier() && outcome < 3) {
            pilotLevel = 3; // in air carrier events it is mostly cabin crew or passengers who are hurt
        }
        List<Map<String, Object>> list = new ArrayList<>();
        int[] pilot = new int[4];
        pilot[pilotLevel] = 1;
        int[] pax = new int[4];
        if (pilotLevel != outcome) {
            pax[outcome] = 1 + random.nextInt(3);
        }
        int remaining = aboard - 1 - (pilotLevel != outcome ? pax[outcome] : 0);
        for (int i = 0; i < remaining; i++) {
            pax[
                    clamp(
                            outcome + (random.nextDouble() < 0.6 ? 0 : 1 + random.nextInt(3 - Math.min(outcome, 2))),
                            outcome,
                            3)]++;
        }
        for (int k = 0; k < 4; k++) {
            counts[k] = pilot[k] + pax[k];
            totals[k] += counts[k];
        }
        injuryRows(list, evId, key, "PLT", pilot, changed);
        if (aboard > 1) {
            injuryRows(list, evId, key, "PAX", pax, changed);
        }
        injuryRows(list, evId, key, "ABRD", counts, changed);
        add(rows, "injury", list);
    }

    private static void injuryRows(
            List<Map<String, Object>> list,
            String evId,
            int key,
            String category,
            int[] counts,
            LocalDateTime changed) {
        int total = 0;
        for (int k = 0; k < 4; k++) {
            total += counts[k];
            if (counts[k] > 0) {
                list.add(injury(evId, key, category, LEVELS[k], counts[k], changed));
            }
        }
        list.add(injury(evId, key, category, "TOTL", total, changed));
    }

    private static Map<String, Object> injury(
            String evId, int key, String category, String level, int count, LocalDateTime changed) {
        Map<String, Object> row = new HashMap<>();
        row.put("ev_id", evId);
        row.put("aircraft_key", key);
        row.put("inj_person_category", category);
        row.put("injury_level", level);
        row.put("inj_person_count", count);
        row.put("lchg_date", changed);
        return row;
    }

    private static final String[][] FINDINGS = {
        {"0106200000", "Aircraft-Aircraft propeller/rotor-(general)-(general)-Failure", "01", "06", "20", "00", "00"},
        {"0204152012", "Personnel issues-Action/decision-Action-Aircraft control-Pilot", "02", "04", "15", "20", "12"},
        {"0206254545", "Personnel issues-Experience/knowledge-Lack of experience-Pilot", "02", "06", "25", "45", "45"},
        {
            "0301052045",
            "Environmental issues-Physical environment-Terrain-Mountainous/hilly terrain",
            "03",
            "01",
            "05",
            "20",
            "45"
        },
        {"0302101025", "Environmental issues-Conditions/weather phenomena-Wind-Crosswind", "03", "02", "10", "10", "25"
        },
        {"0101201020", "Aircraft-Fluids/misc hardware-Fluids-Fuel-Fuel exhaustion", "01", "01", "20", "10", "20"}
    };
    private static final String[][] OCCURRENCES = {
        {"250", "LOSS OF CONTROL - IN FLIGHT"},
        {"220", "IN FLIGHT COLLISION WITH TERRAIN/WATER"},
        {"350", "LOSS OF ENGINE POWER"},
        {"260", "LOSS OF CONTROL - ON GROUND/WATER"},
        {"170", "HARD LANDING"},
        {"190", "NOSE OVER"},
        {"140", "FORCED LANDING"}
    };

    private static void findings(
            Map<String, List<Map<String, Object>>> rows,
            String evId,
            int key,
            Flight f,
            LocalDateTime changed,
            SplittableRandom random) {
        int n = 1 + random.nextInt(3);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int no = 1; no <= n; no++) {
            String[] finding = FINDINGS[random.nextInt(FINDINGS.length)];
            Map<String, Object> row = new HashMap<>();
            row.put("ev_id", evId);
            row.put("aircraft_key", key);
            row.put("finding_no", no);
            row.put("finding_code", finding[0]);
            row.put("finding_description", finding[1]);
            row.put("category_no", finding[2]);
            row.put("subcategory_no", finding[3]);
            row.put("section_no", finding[4]);
            row.put("subsection_no", finding[5]);
            row.put("modifier_no", finding[6]);
            row.put("cause_factor", no == 1 ? "C" : "F");
            row.put("lchg_date", changed);
            list.add(row);
        }
        add(rows, "findings", list);
        List<Map<String, Object>> sequence = new ArrayList<>();
        int m = 1 + random.nextInt(3);
        for (int no = 1; no <= m; no++) {
            String[] occurrence = OCCURRENCES[random.nextInt(OCCURRENCES.length)];
            Map<String, Object> row = new HashMap<>();
            row.put("ev_id", evId);
            row.put("aircraft_key", key);
            row.put("occurrence_no", no);
            row.put("phase_no", String.valueOf(f.phase()));
            row.put("eventsoe_no", occurrence[0]);
            row.put("occurrence_code", f.phase() + occurrence[0]);
            row.put("occurrence_description", occurrence[1]);
            row.put("defining_ev", no == 1);
            row.put("lchg_date", changed);
            sequence.add(row);
        }
        add(rows, "events_sequence", sequence);
    }

    private static void occurrences(
            Map<String, List<Map<String, Object>>> rows,
            String evId,
            int key,
            Flight f,
            LocalDateTime changed,
            SplittableRandom random) {
        int n = 1 + random.nextInt(2);
        List<Map<String, Object>> list = new ArrayList<>();
        List<Map<String, Object>> seq = new ArrayList<>();
        for (int no = 1; no <= n; no++) {
            Map<String, Object> row = new HashMap<>();
            row.put("ev_id", evId);
            row.put("aircraft_key", key);
            row.put("occurrence_no", no);
            row.put("occurrence_code", Integer.parseInt(OCCURRENCES[random.nextInt(OCCURRENCES.length)][0]));
            row.put("phase_of_flight", f.phase());
            row.put("altitude", random.nextInt(8000));
            row.put("lchg_date", changed);
            list.add(row);
            int events = 1 + random.nextInt(4);
            for (int s = 1; s <= events; s++) {
                Map<String, Object> se = new HashMap<>();
                se.put("ev_id", evId);
                se.put("aircraft_key", key);
                se.put("occurrence_no", no);
                se.put("seq_event_no", s);
                se.put("group_code", 1 + random.nextInt(3));
                se.put("subj_code", 10000 + random.nextInt(15000));
                se.put("cause_factor", random.nextBoolean() ? "C" : "F");
                se.put("modifier_code", random.nextInt(4000));
                se.put("person_code", random.nextDouble() < 0.6 ? 4000 : 0);
                se.put("lchg_date", changed);
                seq.add(se);
            }
        }
        add(rows, "occurrences", list);
        add(rows, "seq_of_events", seq);
    }

    private static Map<String, Object> narrative(
            String evId, int key, Flight f, String severity, LocalDateTime changed) {
        Map<String, Object> row = new HashMap<>();
        row.put("ev_id", evId);
        row.put("aircraft_key", key);
        String phase = switch (f.phase() / 10) {
            case 50 -> "while standing";
            case 51 -> "while taxiing";
            case 52 -> "during takeoff";
            case 53 -> "during the climb";
            case 54 -> "in cruise flight";
            case 55 -> "during the descent";
            case 56 -> "on approach";
            case 57 -> "during landing";
            case 58 -> "while maneuvering";
            case 59 -> "while hovering";
            default -> "during the flight";
        };
        row.put(
                "narr_accp",
                "The " + (f.certificate().equals("STU") ? "student " : "") + "pilot reported that " + phase
                        + " in " + (f.imc() ? "instrument" : "visual") + " meteorological conditions the " + f.make()
                        + " "
                        + "airplane departed controlled flight. Injuries: " + severity.toLowerCase(Locale.ROOT) + ".");
        row.put("narr_cause", "The pilot's failure to maintain aircraft control " + phase + ".");
        row.put("lchg_date", changed);
        return row;
    }

    // ------------------------------------------------------------------------------------------

    private static String evId(LocalDate date, int index) {
        if (date.getYear() >= 2019) { // newer ids are timestamp-like: yyyyMMdd + 6 digits
            return String.format(
                    Locale.ROOT,
                    "%04d%02d%02d%06d",
                    date.getYear(),
                    date.getMonthValue(),
                    date.getDayOfMonth(),
                    index % 1_000_000);
        }
        LocalDate filed = date.plusDays(index % 9);
        return String.format(
                Locale.ROOT,
                "%04d%02d%02dX%05d",
                filed.getYear(),
                filed.getMonthValue(),
                filed.getDayOfMonth(),
                index % 100_000);
    }

    private static String ntsbNo(Flight f, String severity, int index, SplittableRandom random) {
        String office = f.date().getYear() >= 2008 ? pick(random, REGIONS_2008) : pick(random, REGIONS);
        String kind =
                severity.equals("FATL") ? "FA" : severity.equals("NONE") && random.nextDouble() < 0.3 ? "IA" : "LA";
        return String.format(Locale.ROOT, "%s%02d%s%03d", office, f.date().getYear() % 100, kind, index % 1000);
    }

    private static String zone(String zone, LocalDate date) {
        boolean summer = date.getMonthValue() >= 4 && date.getMonthValue() <= 10;
        return switch (zone) {
            case "H" -> "HST";
            case "A" -> "AST";
            case "Y" -> summer ? "YDT" : "YST";
            default -> zone + (summer && !zone.equals("M") ? "DT" : "ST");
        };
    }

    private static String dow(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    private static void add(Map<String, List<Map<String, Object>>> rows, String table, List<Map<String, Object>> list) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).addAll(list);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String pick(SplittableRandom random, String[] values, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            pick -= weights[i];
            if (pick <= 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
