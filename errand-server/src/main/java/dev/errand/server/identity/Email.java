package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A user's email address, trimmed and lower-cased. Accepts the common {@code local@domain}
 * shape: a local part of 1 to 64 characters (letters, digits and {@code !#$%&'*+/=?^_`{|}~.-},
 * no leading, trailing or double dot) and a domain of dot-separated labels with at least one dot
 * (or {@code localhost}); 254 characters at most. Quoted local parts and IP literals are refused.
 *
 * @param value the normalised address
 */
public record Email(String value) {
    private static final Pattern LOCAL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /**
     * Normalises and validates.
     *
     * @throws ErrandException {@code invalid_request} saying what is wrong with the address
     */
    public Email {
        if (value == null || value.isBlank()) {
            throw ErrandException.invalid("email is missing");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        String problem = problem(value);
        if (problem != null) {
            throw ErrandException.invalid("'" + printable(value) + "' is not a valid email address: " + problem);
        }
    }

    private static String problem(String v) {
        if (v.length() > 254) {
            return "longer than 254 characters";
        }
        int at = v.indexOf('@');
        if (at < 0 || at != v.lastIndexOf('@')) {
            return "it needs exactly one @";
        }
        String local = v.substring(0, at);
        String domain = v.substring(at + 1);
        if (local.isEmpty() || local.length() > 64 || !LOCAL.matcher(local).matches()) {
            return "the part before @ must be 1 to 64 letters, digits or !#$%&'*+/=?^_`{|}~.- without leading, trailing or double dots";
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 && !domain.equals("localhost")) {
            return "the domain needs a dot, as in example.com";
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return "the domain '" + domain + "' is not a host name";
            }
        }
        return null;
    }

    private static String printable(String v) {
        String cut = v.length() > 80 ? v.substring(0, 80) + "…" : v;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return value;
    }
}
