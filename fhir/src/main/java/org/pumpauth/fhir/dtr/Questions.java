package org.pumpauth.fhir.dtr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType;
import org.pumpauth.policy.Criterion;
import org.pumpauth.policy.Pathway;
import org.pumpauth.policy.PolicyVersion;
import org.pumpauth.request.Field;
import org.pumpauth.request.RequestContract;

/**
 * The DTR {@code Questionnaire} of one pathway of one policy version: one item per request field the
 * pathway's criteria (and the policy's scope) read, {@code linkId} the contract path, typed from the
 * contract, the criterion's words as help text, {@code required} where every way through the pathway
 * reads the field, and {@code enableWhen} where a criterion reads it only in a branch ({@link Reading}).
 */
public final class Questions {
    public static final String BASE = "https://pumpauth.org/fhir/Questionnaire/";
    private static final String ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl";

    private Questions() {
    }

    /** Whole numbers by the contract's own words ("whole years"); other numbers are decimals. */
    static boolean isInteger(Field field) {
        return field.contractPath().equals("member.age");
    }

    /** The questionnaire's id: {@code nia-cg-310-2024-01-01-implant-chronic-pain}. */
    public static String id(PolicyVersion version, Pathway pathway) {
        return (version.id() + "-" + version.effectiveFrom() + "-" + pathway.id()).replaceAll("[^A-Za-z0-9.-]", "-");
    }

    public static String url(PolicyVersion version, Pathway pathway) {
        return BASE + id(version, pathway);
    }

    public static Questionnaire of(PolicyVersion version, Pathway pathway) {
        Reading reading = new Reading();
        reading.read(pathway.when(), true, Optional.empty());
        for (Criterion criterion : version.scope()) {
            reading.readTopLevel(criterion);
        }
        for (Criterion criterion : pathway.criteria()) {
            reading.readTopLevel(criterion);
        }
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setId(id(version, pathway));
        questionnaire.setUrl(url(version, pathway)).setVersion(version.effectiveFrom().toString())
                .setName(id(version, pathway).replaceAll("[^A-Za-z0-9]", ""))
                .setTitle(version.title() + " (" + version.effectiveFrom() + "): " + pathway.id())
                .setStatus(PublicationStatus.ACTIVE).setPublisher("pumpauth")
                .setDescription(pathway.text() + " (" + pathway.citation() + "). Each item is the review request field"
                        + " of its linkId; the answers convert to a review request without loss.")
                .addSubjectType("Patient");
        Map<String, QuestionnaireItemComponent> groups = new LinkedHashMap<>();
        for (Reading.Use use : reading.uses().values()) {
            String path = use.path();
            int list = path.indexOf("[].");
            if (list < 0) {
                Field field = RequestContract.field(path);
                if (field.type() == org.pumpauth.request.FieldType.OBJECT_LIST) {
                    group(groups, questionnaire, field, use);
                } else {
                    questionnaire.addItem(item(field, use));
                }
                continue;
            }
            Field listField = RequestContract.field(path.substring(0, list));
            Field field = listField.items().orElseThrow().field(path.substring(list + 3)).orElseThrow();
            group(groups, questionnaire, listField, reading.uses().getOrDefault(listField.contractPath(), use))
                    .addItem(item(field, use.withoutRequired()));
        }
        // A group holds questions (que-1): a list the criteria only count is asked element by element in full.
        groups.forEach((path, group) -> {
            if (group.getItem().stream().allMatch(i -> i.getType() == QuestionnaireItemType.DISPLAY)) {
                for (Field field : RequestContract.field(path).items().orElseThrow().fields()) {
                    group.addItem(item(field, new Reading.Use(field.contractPath(), false, List.of(), Optional.empty())));
                }
            }
        });
        return questionnaire;
    }

    private static QuestionnaireItemComponent group(Map<String, QuestionnaireItemComponent> groups, Questionnaire questionnaire,
            Field field, Reading.Use use) {
        return groups.computeIfAbsent(field.contractPath(), k -> {
            QuestionnaireItemComponent group = questionnaire.addItem().setLinkId(field.contractPath())
                    .setType(QuestionnaireItemType.GROUP).setRepeats(true).setText(field.ask())
                    .setRequired(use.required());
            help(group, use);
            use.enableWhen().ifPresent(guard -> guard.applyTo(group));
            return group;
        });
    }

    private static QuestionnaireItemComponent item(Field field, Reading.Use use) {
        QuestionnaireItemComponent item = new QuestionnaireItemComponent().setLinkId(field.contractPath()).setText(field.ask())
                .setRequired(use.required() || field.required());
        switch (field.type()) {
            case BOOLEAN:
                item.setType(QuestionnaireItemType.BOOLEAN);
                break;
            case NUMBER:
                item.setType(isInteger(field) ? QuestionnaireItemType.INTEGER : QuestionnaireItemType.DECIMAL);
                break;
            case DATE:
                item.setType(QuestionnaireItemType.DATE);
                break;
            case INSTANT:
                item.setType(QuestionnaireItemType.DATETIME);
                break;
            case ENUM:
            case ENUM_LIST:
                item.setType(QuestionnaireItemType.CHOICE).setRepeats(field.type().isList());
                for (String code : field.allowed()) {
                    item.addAnswerOption().setValue(new Coding(Answers.system(field), code, code.replace('-', ' ')));
                }
                break;
            case STRING_LIST:
                item.setType(QuestionnaireItemType.STRING).setRepeats(true);
                break;
            default:
                item.setType(QuestionnaireItemType.STRING);
        }
        help(item, use);
        use.enableWhen().ifPresent(guard -> guard.applyTo(item));
        return item;
    }

    /** The criteria's words, as SDC's help item under the question. */
    private static void help(QuestionnaireItemComponent item, Reading.Use use) {
        if (use.criteria().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>(use.criteria());
        QuestionnaireItemComponent help = item.addItem().setLinkId(item.getLinkId() + ".help")
                .setType(QuestionnaireItemType.DISPLAY).setText(String.join("\n", lines));
        help.addExtension(ITEM_CONTROL, new CodeableConcept(new Coding(
                "http://hl7.org/fhir/questionnaire-item-control", "help", "Help-Button")));
    }
}
