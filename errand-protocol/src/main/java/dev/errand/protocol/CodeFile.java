package dev.errand.protocol;

/**
 * One source file of a code run.
 *
 * @param name the file name inside the run's working directory: 1 to 128 characters from
 *     {@code A-Z a-z 0-9 . _ + -}, not {@code .} or {@code ..}, no {@code /}
 * @param content the file's text, or its bytes in base64 when {@code encoding} is {@code base64}
 * @param encoding {@code utf8} (the default when null) or {@code base64}
 */
public record CodeFile(String name, String content, String encoding) {}
