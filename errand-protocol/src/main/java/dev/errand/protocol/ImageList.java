package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/images}.
 *
 * @param items the images, by name
 */
public record ImageList(List<ImageView> items) {}
