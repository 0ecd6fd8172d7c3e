package dev.errand.protocol;

/**
 * The body of {@code POST /api/v1/claim} (public): redeems a claim token for a new API key.
 *
 * @param token the claim token ({@code erc_...}) an admin handed over; single use, 15 minutes
 * @param keyName a name for the new key such as the machine's host name (1 to 64 characters), or
 *     null for {@code claimed}
 */
public record ClaimRequest(String token, String keyName) {}
