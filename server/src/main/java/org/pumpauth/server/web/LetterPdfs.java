package org.pumpauth.server.web;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.pumpauth.server.ServiceException;
import org.pumpauth.server.cases.CaseService;
import org.pumpauth.server.letters.IssuedLetter;
import org.pumpauth.server.letters.LetterPdf;

/**
 * A case's letter as a PDF file for the signed-in session ({@code /cases/{id}/letters/{letter}/pdf}):
 * the same service call and rendering as the API's {@code /v1/cases/{id}/letters/{letterId}.pdf}, so
 * only a key that may see the case gets it. The file name holds the letter's id only.
 */
final class LetterPdfs {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final CaseService cases;

    LetterPdfs(CaseService cases) {
        this.cases = cases;
    }

    void pdf(Context ctx, Sessions.Session session) {
        String caseId = ctx.pathParam("id");
        String letterId = ctx.pathParam("letter");
        if (!ID.matcher(caseId).matches() || !ID.matcher(letterId).matches()) {
            throw new ServiceException.NotFound("no such letter for this case");
        }
        IssuedLetter letter = cases.letter(session.caller(), caseId, letterId);
        ctx.header("Content-Disposition", "attachment; filename=\"letter-" + letterId + ".pdf\"");
        ctx.status(200).contentType("application/pdf").result(LetterPdf.render(letter));
    }
}
