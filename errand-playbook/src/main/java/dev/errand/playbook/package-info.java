/**
 * Playbooks: YAML files kept in git that name a command or script, its image, environment,
 * secrets, git source, timeout, lock and params. {@link dev.errand.playbook.PlaybookFile} reads and
 * checks one (errors as {@code file:line:column: message}); {@link dev.errand.playbook.Playbook}
 * renders it into the execution request the CLI ({@code errand playbook run}) and the server
 * ({@code POST /api/v1/playbooks/render}) both send. Depends on errand-protocol, Jackson YAML and
 * the JSON schema validator only.
 */
package dev.errand.playbook;
