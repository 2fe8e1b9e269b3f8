package aero.severity.domain.code;

/** State, province, territory or ocean of the event ({@code events.ev_state}, code table {@code ct_states}). */
public enum State implements NtsbCode {
    AB("AB", "Alberta"),
    AK("AK", "Alaska"),
    AL("AL", "Alabama"),
    AO("AO", "Atlantic Ocean"),
    AR("AR", "Arkansas"),
    AS("AS", "American Samoa"),
    AZ("AZ", "Arizona"),
    BC("BC", "British Columbia"),
    CA("CA", "California"),
    CB("CB", "Caribbean Sea"),
    CO("CO", "Colorado"),
    CT("CT", "Connecticut"),
    CZ("CZ", "Canal Zone"),
    DC("DC", "District Of Columbia"),
    DE("DE", "Delaware"),
    FL("FL", "Florida"),
    FM("FM", "Micronesia"),
    FN("FN", "Foreign"),
    GA("GA", "Georgia"),
    GM("GM", "Gulf Of Mexico"),
    GU("GU", "Guam"),
    HI("HI", "Hawaii"),
    IA("IA", "Iowa"),
    ID("ID", "Idaho"),
    IL("IL", "Illinois"),
    IN("IN", "Indiana"),
    KS("KS", "Kansas"),
    KY("KY", "Kentucky"),
    LA("LA", "Louisiana"),
    MA("MA", "Massachusetts"),
    MB("MB", "Manitoba"),
    MD("MD", "Maryland"),
    ME("ME", "Maine"),
    MH("MH", "Marshall Islands"),
    MI("MI", "Michigan"),
    MN("MN", "Minnesota"),
    MO("MO", "Missouri"),
    MP("MP", "Northern Marianas"),
    MS("MS", "Mississippi"),
    MT("MT", "Montana"),
    NB("NB", "New Brunswick"),
    NC("NC", "North Carolina"),
    ND("ND", "North Dakota"),
    NE("NE", "Nebraska"),
    NH("NH", "New Hampshire"),
    NJ("NJ", "New Jersey"),
    NL("NL", "Newfoundland And Labrador"),
    NM("NM", "New Mexico"),
    NS("NS", "Nova Scotia"),
    NT("NT", "Northwest Territories"),
    NU("NU", "Nunavut"),
    NV("NV", "Nevada"),
    NY("NY", "New York"),
    OH("OH", "Ohio"),
    OK("OK", "Oklahoma"),
    ON("ON", "Ontario"),
    OR("OR", "Oregon"),
    PA("PA", "Pennsylvania"),
    PE("PE", "Prince Edward Island"),
    PO("PO", "Pacific Ocean"),
    PR("PR", "Puerto Rico"),
    PW("PW", "Palau"),
    QC("QC", "Quebec"),
    RI("RI", "Rhode Island"),
    RQ("RQ", "Puerto Rico"),
    SC("SC", "South Carolina"),
    SD("SD", "South Dakota"),
    SK("SK", "Saskatchewan"),
    TN("TN", "Tennessee"),
    TX("TX", "Texas"),
    UT("UT", "Utah"),
    VA("VA", "Virginia"),
    VI("VI", "Us Virgin Islands"),
    VT("VT", "Vermont"),
    WA("WA", "Washington"),
    WI("WI", "Wisconsin"),
    WV("WV", "West Virginia"),
    WY("WY", "Wyoming"),
    YT("YT", "Yukon");

    private final String code;
    private final String meaning;

    State(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
