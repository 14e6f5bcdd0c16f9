package dev.proxywasm.validator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar sdk-validator-<version>-cli.jar module.wasm...}: prints each module's imports, exports
 * and problems; exits 1 if any module would not load in Envoy, 2 on bad usage.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        String usage = "usage: java -jar sdk-validator-<version>-cli.jar module.wasm...\n"
                + "  checks each module against what Envoy loads (proxy-wasm ABI 0.2.1, its WASI subset, the"
                + " callback signatures);\n  exit code 0 if all load, 1 if one would be refused, 2 if one cannot be read";
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(usage);
            return 0;
        }
        if (args.length == 0) {
            out.println(usage);
            return 2;
        }
        int status = 0;
        for (String arg : args) {
            Path path = Path.of(arg);
            byte[] wasm;
            try {
                wasm = Files.readAllBytes(path);
            } catch (IOException e) {
                out.println(arg + ": cannot read: " + e.getMessage());
                status = Math.max(status, 2);
                continue;
            }
            ValidationReport report = ModuleValidator.validate(wasm);
            out.println(arg + " (" + wasm.length + " bytes)");
            report.imports().forEach(i -> out.println("  import " + i));
            report.exports().forEach(e -> out.println("  export " + e));
            report.problems().forEach(p -> out.println("  " + p));
            out.println(report.hasErrors() ? "  FAILS: Envoy would refuse this module" : "  OK: loadable by Envoy");
            if (report.hasErrors()) {
                status = Math.max(status, 1);
            }
        }
        return status;
    }
}
