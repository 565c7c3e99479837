package dev.rein.api.spi;

/** The types a {@link dev.rein.api.Param} may have. */
public enum ParamType {
    DOUBLE("number"),
    INT("integer"),
    LONG("integer"),
    BOOLEAN("true or false"),
    STRING("text"),
    ENUM("one of a fixed set");

    private final String description;

    ParamType(String description) {
        this.description = description;
    }

    /** Whether bounds apply to this type. */
    public boolean isNumeric() {
        return this == DOUBLE || this == INT || this == LONG;
    }

    /** How values of this type are described to people, e.g. {@code "number"}. */
    public String description() {
        return description;
    }
}
