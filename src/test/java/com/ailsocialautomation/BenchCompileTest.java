package com.ailsocialautomation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks in bench/ are single-file programs that no build step compiles, so a change to a class they use
 * broke one unnoticed until someone ran it. Every bench/*.java is compiled here against the test classpath (the
 * code and libraries they run with); nothing is run.
 */
class BenchCompileTest {
    @Test
    void everyBenchmarkCompilesAgainstTheCurrentCode(@TempDir Path out) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("bench"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "bench/ holds the benchmarks run by bench/*.sh");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            // each file on its own, as `java bench/X.java` compiles it: two benches may both declare a helper class
            for (Path source : sources) {
                List<String> options = List.of("-proc:none", "-nowarn", "-d", Files.createDirectories(out.resolve(name(source))).toString(),
                        "-classpath", System.getProperty("java.class.path"));
                boolean compiled = javac.getTask(null, files, diagnostics, options, null,
                        files.getJavaFileObjects(source.toFile())).call();
                assertTrue(compiled, source + " does not compile:\n" + errors(diagnostics));
            }
        }
    }

    private static String name(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }

    private static String errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : new File(d.getSource().getName()).getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(Locale.ROOT))
                .collect(Collectors.joining("\n"));
    }
}
