package org.pumpauth.notes;

import org.pumpauth.PumpauthException;

/** A note that cannot be read: too long, not text, or not valid in its encoding. */
public final class UnreadableNoteException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    public UnreadableNoteException(String message) {
        super(message);
    }
}
