package org.pumpauth.batch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.pumpauth.determination.Determination;
import org.pumpauth.determination.MissingInformation;
import org.pumpauth.engine.Review;
import org.pumpauth.policy.Policy;
import org.pumpauth.policy.PolicySelection;
import org.pumpauth.request.InvalidRequestException;
import org.pumpauth.request.RequestReader;
import org.pumpauth.request.ReviewRequest;

/**
 * A task's input lines to what {@code pumpauth evaluate --json} prints for each: a row per
 * determination ({@code kind} determination), or one row with the line's errors ({@code kind}
 * reject). Every non-blank line gives rows of exactly one kind, so lines read = requests evaluated +
 * rejects; the task counts them, per policy, pathway and outcome, in an {@link OutcomeTally}.
 *
 * <p>It works on Spark's own rows ({@link InternalRow}: text as UTF-8 bytes, dates as days) in and
 * out, so that a line is parsed from the bytes Spark read and a determination's JSON is written as
 * the UTF-8 bytes Parquet stores, with no {@code Row} and no Java string of either in between (that
 * conversion and the UTF-8 coding it needs cost as much as the evaluation did).
 */
final class Evaluation implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {
    private static final long serialVersionUID = 1L;

    static final String DETERMINATION = "determination";
    static final String REJECT = "reject";

    /** The rows' columns. {@code seq} is the determination's place among its request's (0 the first). */
    static final StructType SCHEMA = new StructType()
            .add("kind", DataTypes.StringType, false)
            .add("file", DataTypes.StringType, true)
            .add("requestId", DataTypes.StringType, true)
            .add("seq", DataTypes.IntegerType, true)
            .add("policy", DataTypes.StringType, true)
            .add("version", DataTypes.DateType, true)
            .add("serviceDate", DataTypes.DateType, true)
            .add("pathway", DataTypes.StringType, true)
            .add("outcome", DataTypes.StringType, true)
            .add("action", DataTypes.StringType, true)
            .add("missing", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("determination", DataTypes.StringType, true)
            .add("errors", DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add("line", DataTypes.StringType, true);

    private static final UTF8String DETERMINATION_KIND = UTF8String.fromString(DETERMINATION);
    private static final UTF8String REJECT_KIND = UTF8String.fromString(REJECT);

    /**
     * One reader for every line (it is thread-safe): a reader made per line would make its JSON factory, and
     * learn every field name of the contract again, for each request.
     */
    private static final RequestReader READER = new RequestReader();

    private final List<String> policies;
    private final LocalDate today;
    private final OutcomeTally tally;

    /**
     * @param policies {@code --policy} values, each {@code ID} or {@code ID@DATE}; empty: each
     *     request's own policy, else every policy in force on its service date
     * @param today the day a request with neither serviceDate nor receivedAt is reviewed for
     * @param tally where each task adds what it counted, once it has read all its lines
     */
    Evaluation(List<String> policies, LocalDate today, OutcomeTally tally) {
        this.policies = List.copyOf(policies);
        this.today = today;
        this.tally = tally;
    }

    /** {@code lines}: Spark's rows of (file, value), as {@link Inputs#lines} gives them. */
    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> lines) {
        return new Rows(lines, new Task());
    }

    /** A task's state: what it counted, and the Spark strings of the names every determination repeats. */
    private final class Task {
        final OutcomeTally.Counts counts = new OutcomeTally.Counts();
        final Map<String, UTF8String> names = new HashMap<>();
        final DeterminationBytes json = new DeterminationBytes();
        final List<PolicySelection> selections = Engines.selections(policies);
        UTF8String file;
        UTF8String fileBytes;

        UTF8String name(String value) {
            return value == null ? null : names.computeIfAbsent(value, UTF8String::fromString);
        }

        /** The file column of a line: the same string for every line of a file. */
        UTF8String file(UTF8String path) {
            if (path == null) {
                return null;
            }
            if (!path.equals(fileBytes)) {
                fileBytes = path.clone(); // Spark reuses the row that holds it
                file = fileBytes;
            }
            return file;
        }

        /** The rows of one line: none for a blank line. */
        List<InternalRow> evaluate(InternalRow input) {
            UTF8String file = file(input.isNullAt(0) ? null : input.getUTF8String(0));
            byte[] line = input.isNullAt(1) ? null : RequestLine.bytes(input.getUTF8String(1));
            if (line == null || RequestLine.isBlank(line)) {
                return Collections.emptyList();
            }
            Review review = Engines.review();
            ReviewRequest request;
            try {
                request = READER.read(line);
            } catch (InvalidRequestException e) {
                return reject(file, null, messages(e), line);
            }
            List<Determination> determinations;
            try {
                determinations = review.review(request, selections, today);
            } catch (InvalidRequestException e) {
                return reject(file, request.requestId(), messages(e), line);
            }
            if (determinations.isEmpty()) {
                String known = review.registry().policies().stream().map(Policy::id).collect(Collectors.joining(", "));
                return reject(file, request.requestId(), List.of("policy: no policy has a version in force on "
                        + request.serviceDate(today) + "; name one with --policy (known: " + known + ")"), line);
            }
            List<InternalRow> rows = new ArrayList<>(determinations.size());
            for (int i = 0; i < determinations.size(); i++) {
                rows.add(row(file, i, determinations.get(i)));
            }
            return rows;
        }

        private InternalRow row(UTF8String file, int seq, Determination d) {
            List<MissingInformation> missing = d.missingInformation();
            Object[] fields = new Object[missing.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = name(missing.get(i).field());
            }
            String pathway = d.pathway().orElse(null);
            counts.determination(d.policy().id(), pathway, d.outcome().name(), seq == 0);
            return new GenericInternalRow(new Object[] {DETERMINATION_KIND, file, UTF8String.fromString(d.requestId()), seq,
                    name(d.policy().id()), d.policy().version().map(v -> (Object) (int) v.toEpochDay()).orElse(null),
                    (int) d.serviceDate().toEpochDay(), name(pathway), name(d.outcome().name()), name(d.action().code()),
                    new GenericArrayData(fields), UTF8String.fromBytes(json.of(d)), null, null});
        }

        private List<InternalRow> reject(UTF8String file, String requestId, List<String> errors, byte[] line) {
            counts.reject();
            Object[] messages = new Object[errors.size()];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = UTF8String.fromString(errors.get(i));
            }
            return List.of(new GenericInternalRow(new Object[] {REJECT_KIND, file,
                    requestId == null ? null : UTF8String.fromString(requestId), null, null, null, null, null, null, null,
                    null, null, new GenericArrayData(messages), UTF8String.fromBytes(line)}));
        }
    }

    private static List<String> messages(InvalidRequestException e) {
        return e.problems().stream().map(Object::toString).collect(Collectors.toList());
    }

    /** The rows of a task's lines, one line at a time; the task's counts go to the tally after its last line. */
    private final class Rows implements Iterator<InternalRow> {
        private final Iterator<InternalRow> lines;
        private final Task task;
        private Iterator<InternalRow> current = Collections.emptyIterator();
        private boolean counted;

        Rows(Iterator<InternalRow> lines, Task task) {
            this.lines = lines;
            this.task = task;
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                if (!lines.hasNext()) {
                    if (!counted) {
                        counted = true;
                        tally.add(task.counts);
                    }
                    return false;
                }
                current = task.evaluate(lines.next()).iterator();
            }
            return true;
        }

        @Override
        public InternalRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
