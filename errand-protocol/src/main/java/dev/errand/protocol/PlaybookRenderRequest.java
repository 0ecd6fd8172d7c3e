package dev.errand.protocol;

import java.util.Map;

/**
 * The body of {@code POST /api/v1/playbooks/render}: a playbook file's text and, to render it,
 * values for its params. Unknown fields are rejected.
 *
 * @param fileName the file's name, such as {@code deploy.yaml}: it names the playbook (without
 *     {@code .yaml}/{@code .yml}) and starts each error's {@code file:line:column}; null means
 *     {@code playbook.yaml}. 1 to 255 characters, no {@code /} and no control characters
 * @param yaml the file's text, UTF-8, at most 256 KiB
 * @param params values for the playbook's params, by name; null asks only what the playbook is
 *     (its params, and the request when no required param lacks a value), while a map, even an
 *     empty one, asks for the request and makes a missing required or an unknown param an error
 */
public record PlaybookRenderRequest(String fileName, String yaml, Map<String, String> params) {}
