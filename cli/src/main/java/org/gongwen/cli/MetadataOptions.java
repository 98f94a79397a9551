package org.gongwen.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Function;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;
import org.gongwen.api.envelope.DocumentKind;
import org.gongwen.api.envelope.DocumentMetadata;
import org.gongwen.api.envelope.Urgency;
import org.gongwen.api.id.DocumentId;
import org.gongwen.api.id.DocumentNumber;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The document metadata of {@code gongwen pack}: options, laid over an optional UTF-8
 * properties file with the same keys. An option replaces the file's value; a blank value means
 * "not set". The list keys ({@code signatory}, {@code attachment-note}) take several values as
 * repeated options, or in the file as {@code key.1}, {@code key.2}, ...
 */
final class MetadataOptions {
    /** Every key, in the order of GB/T 9704-2012. */
    static final List<String> KEYS = List.of("document-id", "kind", "copy-number", "urgency", "issuer-mark", "number",
            "signatory", "title", "principal-recipients", "attachment-note", "issuing-authority", "date", "annotation",
            "copy-to", "printing-authority", "printing-date", "release-level");
    private static final List<String> LIST_KEYS = List.of("signatory", "attachment-note");

    @Option(names = "--metadata", paramLabel = "FILE",
            description = "UTF-8 properties file with metadata (keys as the options without '--', e.g. title=...); options override it")
    Path file;

    @Option(names = "--document-id", paramLabel = "ID", description = "公文标识 (opaque, at most 200 characters)")
    String documentId;

    @Option(names = "--kind", paramLabel = "KIND", description = "文种, e.g. 通知, NOTICE or 08 (required)")
    String kind;

    @Option(names = "--copy-number", paramLabel = "NNNNNN", description = "份号, six digits")
    String copyNumber;

    @Option(names = "--urgency", paramLabel = "URGENCY", description = "紧急程度: 特急 or 加急 (also EXTRA_URGENT, URGENT)")
    String urgency;

    @Option(names = "--issuer-mark", paramLabel = "TEXT", description = "发文机关标志, e.g. 礼泉县人民政府办公室文件 (required)")
    String issuerMark;

    @Option(names = "--number", paramLabel = "NUMBER", description = "发文字号, e.g. 礼政办发〔2026〕7号 (brackets U+3014/U+3015)")
    String number;

    @Option(names = "--signatory", paramLabel = "NAME", description = "签发人 (repeatable)")
    List<String> signatories;

    @Option(names = "--title", paramLabel = "TEXT", description = "标题 (required)")
    String title;

    @Option(names = "--principal-recipients", paramLabel = "TEXT", description = "主送机关 as printed on the document")
    String principalRecipients;

    @Option(names = "--attachment-note", paramLabel = "TEXT", description = "附件说明, one line per attachment (repeatable)")
    List<String> attachmentNotes;

    @Option(names = "--issuing-authority", paramLabel = "TEXT",
            description = "发文机关署名 (default: the organisation name (O) in the signing certificate)")
    String issuingAuthority;

    @Option(names = "--date", paramLabel = "DATE", description = "成文日期: 2026-11-20 or 2026年11月20日 (required)")
    String date;

    @Option(names = "--annotation", paramLabel = "TEXT", description = "附注")
    String annotation;

    @Option(names = "--copy-to", paramLabel = "TEXT", description = "抄送机关 as printed on the document")
    String copyTo;

    @Option(names = "--printing-authority", paramLabel = "TEXT", description = "印发机关")
    String printingAuthority;

    @Option(names = "--printing-date", paramLabel = "DATE", description = "印发日期")
    String printingDate;

    @Option(names = "--release-level", paramLabel = "TEXT", description = "发布层次, e.g. 公开 or 不公开")
    String releaseLevel;

    /** A value and where it came from, for error messages. */
    private static final class Value {
        final List<String> values;
        final String source;

        Value(List<String> values, String source) {
            this.values = values;
            this.source = source;
        }
    }

    /**
     * Builds the metadata.
     *
     * @param defaultIssuingAuthority the 发文机关署名 to use when none is given, or null
     * @throws ParameterException if a value is missing or breaks its rule
     * @throws GongwenException {@code LOC-001} if the metadata file cannot be read
     */
    DocumentMetadata build(CommandLine cmd, String defaultIssuingAuthority) throws GongwenException {
        Map<String, Value> v = fromFile(cmd);
        option(v, "document-id", documentId);
        option(v, "kind", kind);
        option(v, "copy-number", copyNumber);
        option(v, "urgency", urgency);
        option(v, "issuer-mark", issuerMark);
        option(v, "number", number);
        options(v, "signatory", signatories);
        option(v, "title", title);
        option(v, "principal-recipients", principalRecipients);
        options(v, "attachment-note", attachmentNotes);
        option(v, "issuing-authority", issuingAuthority);
        option(v, "date", date);
        option(v, "annotation", annotation);
        option(v, "copy-to", copyTo);
        option(v, "printing-authority", printingAuthority);
        option(v, "printing-date", printingDate);
        option(v, "release-level", releaseLevel);
        if (!v.containsKey("issuing-authority") && defaultIssuingAuthority != null) {
            v.put("issuing-authority", new Value(List.of(defaultIssuingAuthority), "the signing certificate"));
        }

        DocumentMetadata.Builder b = DocumentMetadata.builder();
        Converter c = new Converter(cmd, v);
        b.documentId(c.one("document-id", DocumentId::of));
        b.kind(c.one("kind", DocumentKind::fromText));
        c.one("copy-number", b::copyNumber);
        b.urgency(c.one("urgency", Urgency::fromLabelOrName));
        b.issuerMark(c.one("issuer-mark", Function.identity()));
        b.documentNumber(c.one("number", DocumentNumber::parse));
        c.all("signatory", b::signatory);
        b.title(c.one("title", Function.identity()));
        b.principalRecipients(c.one("principal-recipients", Function.identity()));
        c.all("attachment-note", b::attachmentNote);
        b.issuingAuthority(c.one("issuing-authority", Function.identity()));
        b.dateOfWriting(c.one("date", Converters::date));
        b.annotation(c.one("annotation", Function.identity()));
        b.copyTo(c.one("copy-to", Function.identity()));
        b.printingAuthority(c.one("printing-authority", Function.identity()));
        b.printingDate(c.one("printing-date", Converters::date));
        b.releaseLevel(c.one("release-level", Function.identity()));
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new ParameterException(cmd, e.getMessage() + ": give it as an option or in the --metadata file");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
    }

    private static void option(Map<String, Value> v, String key, String value) {
        if (value != null) {
            v.put(key, new Value(value.isBlank() ? List.of() : List.of(value), "--" + key));
        }
    }

    private static void options(Map<String, Value> v, String key, List<String> values) {
        if (values != null) {
            List<String> kept = new ArrayList<>();
            values.stream().filter(s -> !s.isBlank()).forEach(kept::add);
            v.put(key, new Value(kept, "--" + key));
        }
    }

    private Map<String, Value> fromFile(CommandLine cmd) throws GongwenException {
        Map<String, Value> v = new LinkedHashMap<>();
        if (file == null) {
            return v;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (CharacterCodingException e) {
            throw new ParameterException(cmd, "metadata file " + file + " is not UTF-8 text");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "metadata file " + file + " is malformed: " + e.getMessage());
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_IO, "cannot read metadata file " + file + ": " + e.getMessage(), e);
        }
        Map<String, TreeMap<Integer, String>> lists = new LinkedHashMap<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name).strip();
            int dot = name.lastIndexOf('.');
            String key = dot < 0 ? name : name.substring(0, dot);
            if (LIST_KEYS.contains(key)) {
                int index = dot < 0 ? 0 : listIndex(cmd, name, name.substring(dot + 1));
                if (!value.isEmpty()) {
                    lists.computeIfAbsent(key, k -> new TreeMap<>()).put(index, value);
                }
            } else if (KEYS.contains(name)) {
                if (!value.isEmpty()) {
                    v.put(name, new Value(List.of(value), name + " in " + file));
                }
            } else {
                throw new ParameterException(cmd, "metadata file " + file + ": unknown key '" + name + "'; the keys are " + String.join(", ", KEYS));
            }
        }
        lists.forEach((key, values) -> v.put(key, new Value(List.copyOf(values.values()), key + " in " + file)));
        return v;
    }

    private int listIndex(CommandLine cmd, String name, String suffix) {
        if (!suffix.matches("[0-9]{1,4}")) {
            throw new ParameterException(cmd, "metadata file " + file + ": key '" + name + "' must be numbered like " + name.substring(0, name.lastIndexOf('.')) + ".1");
        }
        return Integer.parseInt(suffix);
    }

    /** Converts values, naming their source in every error. */
    private static final class Converter {
        private final CommandLine cmd;
        private final Map<String, Value> values;

        Converter(CommandLine cmd, Map<String, Value> values) {
            this.cmd = cmd;
            this.values = values;
        }

        <T> T one(String key, Function<String, T> convert) {
            Value v = values.get(key);
            if (v == null || v.values.isEmpty()) {
                return null;
            }
            return apply(v, v.values.get(0), convert);
        }

        void all(String key, Function<String, ?> add) {
            Value v = values.get(key);
            if (v != null) {
                v.values.forEach(s -> apply(v, s, add));
            }
        }

        private <T> T apply(Value v, String text, Function<String, T> convert) {
            try {
                return convert.apply(text);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(cmd, v.source + ": " + e.getMessage());
            }
        }
    }
}
