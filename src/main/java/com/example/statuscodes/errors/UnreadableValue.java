package com.example.statuscodes.errors;

/**
 * A body value the parser read but that cannot be taken as it stands (a string with an unpaired surrogate): the
 * exception that refuses it says what the field must be, and {@link UnreadableBody} puts that under the field's name.
 */
public interface UnreadableValue {

    /** What the field must be, as the {@code errors} map says it ("Must be ..."). */
    String requirement();
}
