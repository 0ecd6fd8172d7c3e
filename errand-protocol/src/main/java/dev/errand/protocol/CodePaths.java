package dev.errand.protocol;

/** The code execution API's paths, shared by the server's routes and the clients. */
public final class CodePaths {
    /** {@code POST}: run code ({@code ?wait=false} answers 202 at once with an id to poll). */
    public static final String EXECUTE = ApiPaths.BASE + "/execute";
    /** {@code POST}: run up to 20 submissions at once. */
    public static final String EXECUTE_BATCH = EXECUTE + "/batch";
    /** {@code GET}: one run's result (or its queued/running state). */
    public static final String EXECUTE_RESULT = EXECUTE + "/{id}";
    /** {@code GET}: the language catalogue with what is installed. */
    public static final String LANGUAGES = ApiPaths.BASE + "/languages";
    /** {@code POST}: build language images with mmdebstrap (admins). */
    public static final String LANGUAGES_INSTALL = LANGUAGES + "/install";

    private CodePaths() {}

    /** @return the path of one run's result */
    public static String result(String id) {
        return EXECUTE + "/" + id;
    }
}
