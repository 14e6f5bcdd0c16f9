package dev.proxywasm.abi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table is the one hand-written place that spells an ABI name: a string literal in any other
 * main source naming a host function, an export, the ABI marker or a WASI function fails this test,
 * so every other place has to take the name from the table (and stays checked against it).
 */
class NamesOnlyInTheTableTest {
    /** The one module that may spell ABI names: the table itself. */
    private static final Set<String> EXEMPT = Set.of("sdk-abi");

    @Test
    void noOtherMainSourceSpellsAnAbiName() throws IOException {
        Path root = Path.of(System.getProperty("repository.root")).toAbsolutePath().normalize();
        List<String> spelled = new ArrayList<>();
        List<Path> sources = mainSources(root);
        for (Path source : sources) {
            for (StringLiterals.Literal literal : StringLiterals.of(Files.readString(source))) {
                if (spellsAnAbiName(literal.text())) {
                    spelled.add(root.relativize(source) + ":" + literal.line() + ": \"" + literal.text() + "\"");
                }
            }
        }
        assertEquals(true, sources.size() > 50, "found only " + sources.size() + " main sources under " + root);
        assertEquals(List.of(), spelled, "ABI names outside dev.proxywasm.abi; use HostFunction.Names,"
                + " GuestExport.Names or the enums instead");
    }

    @Test
    void literalsInCommentsAndCharactersDoNotCount() {
        String source = "class A {\n  // \"proxy_log\"\n  /* \"proxy_done\"\n */ char q = '\"';\n"
                + "  String s = \"says \\\"proxy_on_tick\\\" and proxy_wasm_exception\";\n}\n";
        List<StringLiterals.Literal> literals = StringLiterals.of(source);

        assertEquals(List.of(new StringLiterals.Literal(5, "says \\\"proxy_on_tick\\\" and proxy_wasm_exception")),
                literals);
        assertEquals(true, spellsAnAbiName(literals.get(0).text()));
        assertEquals(false, spellsAnAbiName("proxy_wasm_exception{plugin}"));
    }

    /** Whether a literal contains an ABI name as a word of its own. */
    private static boolean spellsAnAbiName(String text) {
        for (String word : text.split("[^A-Za-z0-9_]+")) {
            if (abiNames().contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> abiNames() {
        Set<String> names = new HashSet<>(HostFunction.ABI_0_1_0_ONLY);
        for (HostFunction function : HostFunction.values()) {
            names.add(function.abiName());
        }
        for (GuestExport export : GuestExport.values()) {
            names.add(export.abiName());
        }
        // "main" is also the name of every Java entry point.
        names.remove(GuestExport.Names.MAIN);
        names.add(GuestExport.ABI_MARKER);
        for (WasiFunction function : WasiFunction.values()) {
            names.add(function.abiName());
        }
        names.addAll(WasiFunction.MODULES);
        return names;
    }

    /** Every {@code src/main/java} file of the repository outside the exempt modules and build output. */
    private static List<Path> mainSources(Path root) throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean exempt = dir.getParent() != null && dir.getParent().equals(root) && EXEMPT.contains(name);
                return exempt || name.equals("target") || name.startsWith(".") && !dir.equals(root)
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.toString().endsWith(".java") && root.relativize(file).toString().replace('\\', '/')
                        .contains("src/main/java/")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return sources;
    }
}
