package dev.errand.cli;

import dev.errand.playbook.DurationText;
import java.time.Duration;
import picocli.CommandLine;

/**
 * The picocli converter for duration options ({@code --timeout 10m}, {@code --expires-in 90d}):
 * {@link DurationText#parse}'s forms; a bad value is a usage error (exit 2). Stateless.
 */
final class DurationOption implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
