package dev.errand.protocol;

/**
 * The answer of {@code GET /api/v1/audit/verify}: whether the hash chain is intact.
 *
 * @param intact true when every entry matches its hash, links to its predecessor, no sequence
 *     number is missing, and the last entry is the recorded head
 * @param entries how many entries were checked
 * @param headSeq the sequence number of the last entry the server wrote
 * @param headHash the hash of that entry (64 zeros when the log is empty)
 * @param broken the first broken link, or null when intact
 */
public record AuditVerification(boolean intact, long entries, long headSeq, String headHash, Break broken) {

    /**
     * Where the chain first breaks.
     *
     * @param seq the sequence number of the first entry that does not verify
     * @param reason what is wrong, such as {@code entry 17 does not match its hash: it was altered}
     */
    public record Break(long seq, String reason) {}
}
