package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/playbooks/render}: what a playbook is and what it would run.
 *
 * @param name the playbook's name (its file name without {@code .yaml}/{@code .yml})
 * @param description what it does, or null
 * @param params the params it declares, in file order; empty when none
 * @param template what the playbook fixes, as written: the execution request with each
 *     {@code {{name}}} not yet filled in (so it may not be valid to send)
 * @param request the request to send to {@code POST /api/v1/executions}, exactly as
 *     {@code errand playbook run} sends it without run options; null when params were not given and
 *     a required one has no default
 */
public record PlaybookRenderView(String name, String description, List<PlaybookParam> params,
        CreateExecutionRequest template, CreateExecutionRequest request) {}
