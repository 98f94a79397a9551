package org.gongwen.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Markdown files of the standard, read from the module directory (Maven runs tests with the
 * module directory as working directory), and a reader for their pipe tables.
 */
final class SpecDocs {
    /** Each normative document and the letter its clause identifiers start with. */
    static final Map<String, String> CLAUSE_LETTERS = Map.of(
            "README.md", "G",
            "package.md", "P",
            "envelope.md", "E",
            "identifiers.md", "I",
            "signature.md", "S",
            "transport.md", "T",
            "reliability.md", "R",
            "lifecycle.md", "C",
            "limits.md", "L");

    /** Every Markdown document of the standard, including those without clauses. */
    static final List<String> ALL = List.of(
            "README.md", "package.md", "envelope.md", "identifiers.md", "signature.md", "transport.md", "lifecycle.md",
            "reliability.md", "errors.md", "limits.md");

    private SpecDocs() {
    }

    static Path path(String name) {
        return Path.of(name);
    }

    static List<String> lines(String name) {
        Path p = path(name);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException(p.toAbsolutePath() + " not found; run the tests from the spec module directory");
        }
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return String.join("\n", lines(name));
    }

    /**
     * The body rows of the first pipe table whose header row has exactly these cells, each row
     * split into trimmed cells.
     *
     * @throws IllegalStateException if the document has no such table
     */
    static List<List<String>> table(String name, List<String> header) {
        List<String> lines = lines(name);
        for (int i = 0; i < lines.size(); i++) {
            if (isRow(lines.get(i)) && cells(lines.get(i)).equals(header)) {
                if (i + 1 >= lines.size() || !lines.get(i + 1).trim().matches("\\|(\\s*:?-+:?\\s*\\|)+")) {
                    throw new IllegalStateException(name + ": the table " + header + " has no separator row");
                }
                List<List<String>> rows = new ArrayList<>();
                for (int j = i + 2; j < lines.size() && isRow(lines.get(j)); j++) {
                    rows.add(cells(lines.get(j)));
                }
                return rows;
            }
        }
        throw new IllegalStateException(name + " has no table with the header " + header);
    }

    private static boolean isRow(String line) {
        String t = line.trim();
        return t.startsWith("|") && t.endsWith("|") && t.length() > 1;
    }

    private static List<String> cells(String line) {
        String t = line.trim();
        String[] parts = t.substring(1, t.length() - 1).split("\\|", -1);
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            out.add(p.trim());
        }
        return out;
    }

    /** A cell's text without surrounding code quotes. */
    static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
