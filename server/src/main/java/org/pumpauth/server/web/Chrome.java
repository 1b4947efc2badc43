package org.pumpauth.server.web;

import java.util.Optional;

/**
 * What every page's frame shows: the page title, who is signed in (their key's name and role) and the
 * form token of their session, which the sign-out form and every other form post carry.
 */
public record Chrome(String title, Optional<String> who, Optional<String> role, String csrf) {
    public boolean signedIn() {
        return who.isPresent();
    }
}
