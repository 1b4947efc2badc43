package org.pumpauth.notes;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the pump would treat: the kind of indication when the note names it, the conditions under
 * their synonyms, ICD-10-CM codes written in the note, the main kind of pain, terminal status and
 * a documented life expectancy. Comorbidities (history lists), relatives and plans are skipped.
 */
final class IndicationRules extends NoteRule {

    private static final Pattern NONCANCER = words("\\bchronic\\s+non[- ]?(cancer|malignant)\\b|\\bnon[- ]?(cancer|malignant)\\s+(\\w+\\s+){0,3}?pain\\b");
    private static final Pattern CANCER = words("(?<!non[- ])\\b(cancer|malignant|tumou?r)[- ](related\\s+)?pain\\b");
    private static final Pattern SPASTICITY = words("\\b(for|of|with|worsening)\\s+(\\w+[- ]?){0,3}spasticity\\b|\\bspasticity\\s+(of\\s+\\w+\\s+\\w+\\s+)?due to\\b");
    private static final Pattern DYSTONIA = words("\\bdystonia\\b");

    /** Contract condition value by the words that name it (synonyms as the benchmark's rules list them). */
    private static final List<Map.Entry<String, Pattern>> CONDITIONS = List.of(
            Map.entry("failed-back-surgery-syndrome", words("\\bfailed back surgery syndrome\\b|\\bpost-?laminectomy (pain )?syndrome\\b|\\bFBSS\\b")),
            Map.entry("arachnoiditis", words("\\barachnoiditis\\b")),
            Map.entry("complex-regional-pain-syndrome", words("\\bcomplex regional pain syndrome\\b|\\bCRPS\\b|\\bRSD\\b|\\breflex sympathetic dystrophy\\b")),
            Map.entry("multiple-sclerosis", words("\\bmultiple sclerosis\\b")),
            Map.entry("spinal-cord-injury", words("\\bspinal cord injury\\b|\\bSCI\\b")),
            Map.entry("traumatic-brain-injury", words("\\btraumatic brain injury\\b|\\bTBI\\b")),
            Map.entry("cerebral-palsy", words("\\bcerebral palsy\\b")),
            Map.entry("stiff-person-syndrome", words("\\bstiff[- ](person|man) syndrome\\b")),
            Map.entry("post-herpetic-neuralgia", words("\\bpost-?herpetic neuralgia\\b")),
            Map.entry("phantom-limb-pain", words("\\bphantom limb pain\\b")),
            Map.entry("stroke", words("\\bstroke\\b|\\bCVA\\b")),
            Map.entry("peripheral-neuropathy", words("\\bperipheral neuropathy\\b")),
            Map.entry("primary-liver-cancer", words("\\bhepatocellular carcinoma\\b|\\bHCC\\b|\\bprimary liver cancer\\b|\\bcholangiocarcinoma\\b")),
            Map.entry("colorectal-liver-metastases", words("\\b(colorectal|colon|rectal) (cancer|carcinoma|adenocarcinoma)\\b[^.]{0,40}\\b(liver|hepatic) metastas[ie]s\\b")),
            Map.entry("head-and-neck-cancer", words("\\bhead and neck (cancer|carcinoma)\\b")));

    private static final Pattern ICD10 = Pattern.compile("\\b[A-TV-Z][0-9][0-9A-B]\\.[0-9A-Z]{1,4}\\b");
    private static final Pattern PAIN_TYPE = words("\\b(predominantly|primarily|mainly|mostly|purely)\\s+(neuropathic|nociceptive|visceral|bone|mixed)\\b");
    private static final Pattern TERMINAL = words("\\b(considered|is|remains)\\s+terminal(ly ill)?\\b|\\bterminally ill\\b|\\bterminal (illness|disease|cancer)\\b");
    private static final Pattern LIFE = words("\\blife expectancy\\s+(is\\s+|of\\s+)?(approximately\\s+|about\\s+|around\\s+|at least\\s+|less than\\s+|under\\s+|~\\s*)?(\\d{1,3})\\s*(-|to)?\\s*(\\d{1,3})?\\s*(months?|weeks?|years?)\\b");

    /** The origin only as the note names it ("spasticity of spinal cord origin"), not inferred from a diagnosis. */
    private static final Pattern SPASTICITY_ORIGIN = words("\\bspasticity\\s+of\\s+(spinal( cord)?|cerebral)\\s+origin\\b|\\b(spinal( cord)?|cerebral)[- ]origin\\s+spasticity\\b");
    private static final Pattern RESECTABLE = words("\\b(unresectable|non-?resectable|not (surgically )?resectable|(surgically )?resectable)\\b");
    private static final Pattern LIVER_ONLY = words("\\b(metastas[ie]s|metastatic disease|disease)\\s+(is\\s+|are\\s+)?(confined|limited|isolated)\\s+to\\s+the\\s+liver\\b|\\bliver[- ](only|limited|confined)\\s+(metastas[ie]s|metastatic disease|disease)\\b|\\bisolated (hepatic|liver) metastas[ie]s\\b");
    /** Extrahepatic disease: stated present, the metastases are not limited to the liver; denied, they are. */
    private static final Pattern EXTRAHEPATIC = words("\\bextra-?hepatic (disease|metastas[ie]s|spread)\\b");

    @Override
    void read(Note note, Facts facts) {
        readOncology(note, facts);
        each(note, SPASTICITY_ORIGIN, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                String origin = m.group(1) != null ? m.group(1) : m.group(3);
                facts.set("indication.spasticityOrigin",
                        origin.toLowerCase(java.util.Locale.ROOT).startsWith("cerebral") ? "cerebral" : "spinal-cord", span(note, m));
            }
        });
        each(note, NONCANCER, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !negated(note, s, m.start(), m.end())) {
                facts.set("indication.category", "chronic-noncancer-pain", span(note, m));
            }
        });
        each(note, CANCER, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("indication.category", "cancer-pain", span(note, m));
            }
        });
        each(note, SPASTICITY, (s, m) -> {
            if (s.section() != Note.Section.PLAN && !someoneElse(note, s, m.start(), m.end())
                    && !negated(note, s, m.start(), m.end())) {
                facts.set("indication.category", "spasticity", span(note, m));
            }
        });
        each(note, DYSTONIA, (s, m) -> {
            if (s.section() == Note.Section.BODY && !someoneElse(note, s, m.start(), m.end())
                    && !negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("indication.category", "dystonia", span(note, m));
            }
        });
        for (Map.Entry<String, Pattern> condition : CONDITIONS) {
            each(note, condition.getValue(), (s, m) -> {
                if (s.section() == Note.Section.BODY && !someoneElse(note, s, m.start(), m.end())
                        && !negated(note, s, m.start(), m.end()) && !hedged(note, s, m.start())
                        && !remote(note, s, m.start())) {
                    facts.add("indication.conditions", condition.getKey(), span(note, m));
                }
            });
        }
        each(note, ICD10, codeSentences(note), (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end())) {
                facts.add("indication.diagnosisCodes", m.group(), span(note, m));
            }
        });
        each(note, PAIN_TYPE, (s, m) -> facts.set("indication.painType", m.group(2).toLowerCase(java.util.Locale.ROOT), span(note, m)));
        each(note, TERMINAL, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("indication.terminal", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
        each(note, LIFE, (s, m) -> {
            if (m.group(5) != null || someoneElse(note, s, m.start(), m.end())) {
                return; // a range is not recorded
            }
            double n = Double.parseDouble(m.group(3));
            String unit = m.group(6).toLowerCase(java.util.Locale.ROOT);
            double months = unit.startsWith("year") ? n * 12 : unit.startsWith("week") ? Math.round(n * 12 / 52.0 * 10) / 10.0 : n;
            facts.set("indication.lifeExpectancyMonths", months, span(note, m));
        });
    }

    /**
     * Whether the tumour is resectable, and whether the metastases are limited to the liver (the
     * hepatic-artery pump's indication), as the note states them; a condition ("if resectable") or
     * a relative's cancer is not a fact.
     */
    private static void readOncology(Note note, Facts facts) {
        each(note, RESECTABLE, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                String w = m.group(1).toLowerCase(java.util.Locale.ROOT);
                boolean resectable = !(w.startsWith("un") || w.startsWith("non") || w.startsWith("not"))
                        && !negated(note, s, m.start(), m.end());
                facts.set("indication.resectable", resectable, span(note, m));
            }
        });
        each(note, LIVER_ONLY, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("indication.metastasesLimitedToLiver", !negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
        each(note, EXTRAHEPATIC, (s, m) -> {
            if (!someoneElse(note, s, m.start(), m.end()) && !hedged(note, s, m.start())) {
                facts.set("indication.metastasesLimitedToLiver", negated(note, s, m.start(), m.end()), span(note, m));
            }
        });
    }

    /**
     * The sentences where {@link #ICD10} may match: those holding a letter, two characters and a
     * full stop followed by a code character ("M96.1"). The pattern has no word to look for first,
     * and scanning every sentence with it cost more than any other rule.
     */
    private static List<Note.Sentence> codeSentences(Note note) {
        String text = note.text;
        List<Note.Sentence> out = new java.util.ArrayList<>();
        for (Note.Sentence s : note.sentences) {
            for (int dot = text.indexOf('.', s.start() + 3); dot >= 0 && dot + 1 < s.end(); dot = text.indexOf('.', dot + 1)) {
                char letter = text.charAt(dot - 3);
                char second = text.charAt(dot - 2);
                char third = text.charAt(dot - 1);
                char after = text.charAt(dot + 1);
                if (letter >= 'A' && letter <= 'Z' && letter != 'U' && second >= '0' && second <= '9'
                        && (third >= '0' && third <= '9' || third == 'A' || third == 'B')
                        && (after >= '0' && after <= '9' || after >= 'A' && after <= 'Z')) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    /** "remote CVA", a condition of the past rather than the one treated. */
    private static boolean remote(Note note, Note.Sentence s, int at) {
        String before = note.text.substring(Math.max(s.start(), at - 12), at).toLowerCase(java.util.Locale.ROOT);
        return before.contains("remote") || before.contains("history of") || before.contains("prior");
    }
}
