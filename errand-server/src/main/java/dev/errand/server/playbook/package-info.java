/**
 * Playbooks in the browser: the web app cannot read a user's repository, so it sends the playbook
 * file itself to {@code POST /api/v1/playbooks/render}, which reads, checks and renders it with the
 * same code as {@code errand playbook run} (module errand-playbook). Rendering changes nothing; the
 * page then creates the execution through the executions feature like any other run.
 */
package dev.errand.server.playbook;
