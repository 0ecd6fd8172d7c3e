package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/languages}.
 *
 * @param languages every catalogue entry, installed or not, in catalogue order
 */
public record LanguageList(List<LanguageView> languages) {}
