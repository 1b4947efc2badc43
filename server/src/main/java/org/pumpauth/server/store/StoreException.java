package org.pumpauth.server.store;

import org.pumpauth.PumpauthException;

/**
 * The database cannot be opened or migrated, or it refused a statement. The message names the database
 * or the SQL state, never a password or a value.
 */
public final class StoreException extends PumpauthException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
