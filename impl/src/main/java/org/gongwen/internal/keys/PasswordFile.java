package org.gongwen.internal.keys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.gongwen.api.ErrorCode;
import org.gongwen.api.GongwenException;

/**
 * Reads a password from a file: its first line, UTF-8, without the line break. The password
 * is held only as a {@code char[]} that the caller wipes; it never appears in a message.
 */
public final class PasswordFile {
    private static final int MAX_BYTES = 4096;

    private PasswordFile() {
    }

    /**
     * Reads the password.
     *
     * @throws GongwenException {@code LOC-003} if the file cannot be read, is too large, is not
     *     UTF-8 or its first line is empty
     */
    public static char[] read(Path file) throws GongwenException {
        byte[] bytes = null;
        CharBuffer chars = null;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, "password file " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int end = 0;
            while (end < chars.length() && chars.get(end) != '\n' && chars.get(end) != '\r') {
                end++;
            }
            if (end == 0) {
                throw new GongwenException(ErrorCode.LOCAL_KEY, "password file " + file + " is empty: the password is its first line");
            }
            char[] password = new char[end];
            chars.get(password, 0, end);
            return password;
        } catch (CharacterCodingException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "password file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new GongwenException(ErrorCode.LOCAL_KEY, "cannot read password file " + file + ": " + e.getMessage());
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }

    /** Overwrites a password in memory; accepts null. */
    public static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
