package dev.errand.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A parameter a playbook declares, substituted as {@code {{name}}} in its command, script, env
 * values, git fields, image and lock. On the wire: {@code {"name": "target", "description": "...",
 * "default": "staging", "required": true}}.
 *
 * @param name its name, {@code [A-Za-z_][A-Za-z0-9_-]*}
 * @param description what it is for, or null
 * @param defaultValue its default (a YAML number or boolean is given as its text), or null
 * @param required whether a value must be given when there is no default
 */
public record PlaybookParam(String name, String description, @JsonProperty("default") String defaultValue,
        boolean required) {}
