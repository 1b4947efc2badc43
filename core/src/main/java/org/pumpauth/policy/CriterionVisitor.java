package org.pumpauth.policy;

/**
 * One method per kind of {@link Criterion}: code that walks criteria implements this, so that a new
 * construct is a compile error in every place that must handle it.
 *
 * @param <R> what the walk returns for one criterion
 */
public interface CriterionVisitor<R> {
    R all(All all);

    R any(Any any);

    R not(Not not);

    R compare(Compare compare);

    R exists(Exists exists);

    R latest(Latest latest);

    R count(Count count);

    R sum(Sum sum);

    R refer(Refer refer);
}
