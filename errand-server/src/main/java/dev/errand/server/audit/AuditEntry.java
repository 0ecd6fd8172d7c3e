package dev.errand.server.audit;

/**
 * An audit entry in the chain.
 *
 * @param seq its position: 1, 2, 3, ... without gaps
 * @param draft what was recorded
 * @param prevHash the previous entry's hash, or {@link AuditChain#GENESIS} for the first
 * @param hash {@link AuditChain#hash} of {@code prevHash} and this entry's canonical form
 */
public record AuditEntry(long seq, AuditDraft draft, String prevHash, String hash) {}
