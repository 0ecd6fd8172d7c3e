package dev.errand.server.audit;

import dev.errand.protocol.AuditVerification;

/**
 * Walks the chain in {@code seq} order and finds the first broken link: an entry whose content
 * no longer matches its hash (altered), a {@code prev_hash} that is not the previous entry's hash
 * (the previous entry altered or removed), a gap in sequence numbers (entries removed), or a
 * last entry that is not the recorded head (entries removed from the end). The caller feeds
 * entries up to the head it read before the walk. Not thread-safe: one verifier per walk.
 */
final class AuditVerifier {
    private long expectedSeq = 1;
    private String previousHash = AuditChain.GENESIS;
    private long checked;
    private AuditVerification.Break broken;

    /** Checks the next entry; @return false once the chain is broken (stop feeding) */
    boolean accept(AuditEntry e) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (e.seq() != expectedSeq) {
            broken = new AuditVerification.Break(expectedSeq, e.seq() > expectedSeq
                    ? (e.seq() - 1 > expectedSeq ? "entries " + expectedSeq + " to " + (e.seq() - 1) + " are"
                            : "entry " + expectedSeq + " is") + " missing: removed from the log"
                    : "entry " + e.seq() + " appears out of order");
        } else if (!AuditChain.matches(e)) {
            broken = new AuditVerification.Break(e.seq(), "entry " + e.seq() + " does not match its hash: it was altered");
        } else if (!e.prevHash().equals(previousHash)) {
            broken = new AuditVerification.Break(e.seq(), "entry " + e.seq() + " does not link to entry " + (e.seq() - 1)
                    + ": the previous entry was altered or replaced");
        }
        expectedSeq = e.seq() + 1;
        previousHash = e.hash();
        return broken == null;
    }

    /** @return the verdict, comparing the last entry seen with the recorded head */
    AuditVerification finish(long headSeq, String headHash) {
        if (broken == null && expectedSeq - 1 != headSeq) {
            broken = new AuditVerification.Break(expectedSeq, "the log ends at entry " + (expectedSeq - 1) + " but "
                    + headSeq + " were written: entries removed from the end");
        } else if (broken == null && !previousHash.equals(headHash)) {
            broken = new AuditVerification.Break(headSeq, "entry " + headSeq + " is not the entry that was written last");
        }
        return new AuditVerification(broken == null, checked, headSeq, headHash, broken);
    }
}
