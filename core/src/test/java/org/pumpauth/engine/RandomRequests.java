package org.pumpauth.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.pumpauth.request.Field;
import org.pumpauth.request.FieldType;
import org.pumpauth.request.RequestContract;
import org.pumpauth.request.Shape;

/** Valid review requests with a random subset of the contract's fields, from a seed. */
final class RandomRequests {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONDITIONS = List.of("spinal-cord-injury", "multiple-sclerosis",
            "traumatic-brain-injury", "failed-back-surgery-syndrome", "primary-liver-cancer",
            "colorectal-liver-metastases", "diabetes");
    /** ICD-10-CM codes, most in the diagnosis table (G14), one not (chronic pain syndrome). */
    static final List<String> DIAGNOSES = List.of("G35", "S06.2X1A", "G80.1", "M96.1", "G90.50", "B02.23", "C22.0",
            "S14.109A", "G89.4");
    private static final List<String> DRUGS = List.of("morphine", "ziconotide", "baclofen", "hydromorphone",
            "floxuridine", "morphine + bupivacaine");

    private RandomRequests() {}

    static ObjectNode request(long seed) {
        Random random = new Random(seed);
        ObjectNode request = JSON.createObjectNode();
        request.put("requestId", "R" + seed);
        set(request, "service.kind", pick(random, RequestContract.SERVICE_KINDS));
        set(request, "serviceDate", LocalDate.of(2023, 1, 1).plusDays(random.nextInt(900)).toString());
        for (Field field : RequestContract.REQUEST.fields()) {
            if (random.nextInt(3) == 0 && isScalar(field) && !field.path().equals("service.kind")
                    && !field.path().equals("serviceDate") && !field.path().equals("policy")
                    && !field.path().equals("requestId") && !field.path().equals("receivedAt")) {
                set(request, field.path(), value(random, field));
            }
        }
        if (random.nextBoolean()) {
            request.set("intraspinalTrials", items(random, "intraspinalTrials"));
        }
        if (random.nextBoolean()) {
            request.set("medicationTrials", items(random, "medicationTrials"));
        }
        return request;
    }

    static boolean isScalar(Field field) {
        return !field.type().isList() || field.type() == FieldType.ENUM_LIST || field.type() == FieldType.STRING_LIST;
    }

    /** A valid value for a field, at random. */
    static Object value(Random random, Field field) {
        switch (field.type()) {
            case BOOLEAN:
                return random.nextBoolean();
            case NUMBER: {
                double max = Double.isInfinite(field.max()) ? 40 : field.max();
                return (double) (field.min() + random.nextInt((int) (max - field.min()) + 1));
            }
            case ENUM:
                return pick(random, field.allowed());
            case ENUM_LIST:
                return List.of(pick(random, field.allowed()), pick(random, field.allowed()));
            case STRING_LIST:
                switch (field.path()) {
                    case "service.codes":
                        return List.of(pick(random, List.of("62350", "62362", "62361", "62323", "E0783", "36260")));
                    case "indication.diagnosisCodes":
                        return List.of(pick(random, DIAGNOSES));
                    default:
                        return List.of(pick(random, CONDITIONS));
                }
            case DATE:
                return LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000)).toString();
            default:
                return field.path().equals("service.drug.name") ? pick(random, DRUGS) : "text " + random.nextInt(9);
        }
    }

    private static ArrayNode items(Random random, String list) {
        Shape shape = RequestContract.field(list).items().orElseThrow();
        ArrayNode array = JSON.createArrayNode();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            ObjectNode item = array.addObject();
            for (Field field : shape.fields()) {
                if (random.nextInt(4) != 0) {
                    item.set(field.path(), JSON.valueToTree(value(random, field)));
                }
            }
        }
        return array;
    }

    /** Sets a dotted path, creating the objects on the way. */
    static void set(ObjectNode root, String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], JSON.valueToTree(value));
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
