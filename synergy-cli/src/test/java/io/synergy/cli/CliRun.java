package io.synergy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the command line: exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SynergyCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The reference data directory (../shared), set by surefire. */
    static Path shared() {
        String dir = System.getProperty("synergy.shared.dir");
        if (dir == null) {
            throw new IllegalStateException("system property synergy.shared.dir is not set (surefire sets it)");
        }
        return Path.of(dir);
    }

    static Path conformance(String testCase) {
        return shared().resolve("conformance").resolve(testCase);
    }
}
