package com.ailsocialautomation.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One main source file split the way the outbound checks need it: the string literals (text blocks included), and
 * the code with literals and comments blanked out, so a URL in a comment or a class name in a string is no hit.
 */
record JavaSource(Path path, String className, String code, List<String> literals) {

    static List<JavaSource> all(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> read(root, p)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource read(Path root, Path file) {
        try {
            String rel = root.relativize(file).toString().replace('\\', '/');
            return split(file, rel.substring(0, rel.length() - ".java".length()).replace('/', '.'), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JavaSource split(Path file, String className, String src) {
        StringBuilder code = new StringBuilder();
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                literals.add(src.substring(i + 3, end));
                code.append("\"\"");
                i = end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i);
                int j = i + 1;
                while (src.charAt(j) != quote) {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                if (quote == '"') {
                    literals.add(src.substring(i + 1, j));
                }
                code.append(quote).append(quote);
                i = j + 1;
            } else {
                code.append(src.charAt(i++));
            }
        }
        return new JavaSource(file, className, code.toString(), List.copyOf(literals));
    }
}
