package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code POST /api/v1/languages/install}: build these languages' images.
 *
 * @param languages language ids or aliases, 1 to 64
 */
public record LanguageInstallRequest(List<String> languages) {}
