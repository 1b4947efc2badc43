package org.pumpauth.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Optional;

/** Renders the workspace's precompiled JTE templates (which escape every value) for the keys and check pages. */
final class Pages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** The frame of a signed-in page. */
    static Chrome chrome(String title, Sessions.Session s) {
        return new Chrome(title, Optional.of(s.caller().name()), Optional.of(s.caller().role().code()), s.csrf());
    }
}
