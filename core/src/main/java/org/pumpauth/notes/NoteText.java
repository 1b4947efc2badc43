package org.pumpauth.notes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A note's bytes as text: UTF-8 (a byte-order mark is dropped), refused when it is not valid UTF-8,
 * when it holds control characters other than tab and line ends (binary), or when it is longer
 * than {@link NoteReader#MAX_CHARS}. Messages say what is wrong, never what the note says.
 */
public final class NoteText {

    private NoteText() {}

    public static String decode(byte[] bytes) {
        if (bytes.length > NoteReader.MAX_CHARS * 4L) {
            throw new UnreadableNoteException("a note may have at most " + NoteReader.MAX_CHARS + " characters");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableNoteException("a note must be UTF-8 text; this one has bytes that are not UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.length() > NoteReader.MAX_CHARS) {
            throw new UnreadableNoteException(
                    "a note may have at most " + NoteReader.MAX_CHARS + " characters; this one has " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw new UnreadableNoteException("a note must be text; this one has control characters (is it a binary file?)");
            }
        }
        return text;
    }
}
