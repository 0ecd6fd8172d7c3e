package dev.errand.server.logs;

/**
 * What a {@link LogWriter} does to output before storing it.
 *
 * @param masker masks the execution's secret values ({@link SecretMasker#NONE} for none)
 * @param outputCapBytes the most bytes of stdout and stderr stored, 0 for no cap
 */
public record LogPolicy(SecretMasker masker, long outputCapBytes) {
    /** No masking, no cap. */
    public static final LogPolicy PLAIN = new LogPolicy(SecretMasker.NONE, 0);
}
