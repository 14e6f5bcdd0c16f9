package dev.proxywasm.teavm.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The plugin's compiled classes as the build sees them: which were written after a given time. */
final class ClassFiles {
    private ClassFiles() {}

    /**
     * A {@code .class} file under {@code classes} that {@code counted} accepts and that was written
     * after {@code millis} (an unreadable time counts as later), or null if there is none.
     */
    static Path newerThan(Path classes, long millis, Predicate<Path> counted) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class") && counted.test(f))
                    .filter(f -> modified(f) > millis).findFirst().orElse(null);
        }
    }

    /** The same for a directory given as a {@link File}, as Maven hands it over. */
    static Path newerThan(File classes, long millis) throws IOException {
        return newerThan(classes.toPath(), millis, f -> true);
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
