package org.pumpauth.server.store;

import org.pumpauth.PumpauthException;

/** The database cannot be opened or migrated. The message names the database, never a password. */
public final class StoreException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
