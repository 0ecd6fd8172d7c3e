package dev.errand.protocol;

/**
 * A git repository cloned (shallow, depth 1) into the execution's work directory before its
 * command starts.
 *
 * @param repo the clone URL: {@code https://}, {@code http://}, {@code ssh://}-less {@code git://} or
 *     {@code file://}; never with credentials in it
 * @param ref a branch or tag to check out, or null for the remote's default branch
 * @param path a relative directory inside the repository to run the command in, or null for its root
 * @param tokenSecret the name of a secret whose value is sent as the HTTP password (user
 *     {@code x-access-token}) for private repositories, or null; the token is never stored in the
 *     clone, the log or the execution record
 */
public record GitSource(String repo, String ref, String path, String tokenSecret) {}
