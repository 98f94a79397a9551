package org.gongwen.internal.pkg;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Media types by file extension, and the types allowed for the 正文. */
public final class MediaTypes {
    /** The media types a 正文 may have. */
    public static final Set<String> BODY_TYPES = Set.of("application/ofd", "application/pdf");
    /** The plain-text 正文 a withdrawal or reminder may have instead (P-4.2, C-2.2). */
    public static final String TEXT_BODY = "text/plain";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("ofd", "application/ofd"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("xml", "application/xml"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("wps", "application/vnd.ms-works"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("tif", "image/tiff"),
            Map.entry("tiff", "image/tiff"),
            Map.entry("zip", "application/zip"),
            Map.entry("mp4", "video/mp4"));

    private MediaTypes() {
    }

    /**
     * Whether a 正文 of this media type is allowed in a message of this type (P-4.2): OFD or PDF,
     * and for a WITHDRAWAL or REMINDER also plain text.
     */
    public static boolean bodyAllowed(org.gongwen.api.envelope.MessageType type, String mediaType) {
        if (BODY_TYPES.contains(mediaType)) {
            return true;
        }
        return TEXT_BODY.equals(mediaType)
                && (type == org.gongwen.api.envelope.MessageType.WITHDRAWAL || type == org.gongwen.api.envelope.MessageType.REMINDER);
    }

    /** The media type for a file name, {@code application/octet-stream} when unknown. */
    public static String guess(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
