package org.cpd.directory.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The shapes of the national identifiers and of a work email, used by validation everywhere. */
public final class Identifiers {

    /** Unique Reference Number of a school in England: 6 digits. */
    public static final String URN = "^[0-9]{6}$";
    /** Teacher Reference Number: 7 digits. */
    public static final String TRN = "^[0-9]{7}$";
    /** A deliberately plain email shape: one @, a dot in the domain, no spaces. */
    public static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    private static final Pattern URN_PATTERN = Pattern.compile(URN);
    private static final Pattern TRN_PATTERN = Pattern.compile(TRN);
    private static final Pattern EMAIL_PATTERN = Pattern.compile(EMAIL);

    private Identifiers() {
    }

    public static boolean isUrn(String value) {
        return value != null && URN_PATTERN.matcher(value).matches();
    }

    public static boolean isTrn(String value) {
        return value != null && TRN_PATTERN.matcher(value).matches();
    }

    public static boolean isEmail(String value) {
        return value != null && value.length() <= 254 && EMAIL_PATTERN.matcher(value).matches();
    }

    /** Emails compare case-insensitively; stored as given but matched in lower case. */
    public static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
