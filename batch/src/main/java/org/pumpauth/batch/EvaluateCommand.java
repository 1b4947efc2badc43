package org.pumpauth.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pumpauth.policy.UnknownPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pumpauth batch evaluate}: many requests in, their determinations, rejects and a summary out. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate every request of the input as 'pumpauth evaluate --json' would and write, in the"
                + " output directory: determinations.parquet and determinations.jsonl (one determination a line),"
                + " rejects.parquet and rejects.jsonl (each line that is not a valid request, with its errors),"
                + " summary.csv and summary.json (outcomes per policy and pathway; lines read = requests evaluated"
                + " + rejected).",
            "Input: a JSON Lines file (one request a line) or a directory of them, or Parquet with a string column"
                    + " 'request'.",
            "Exit status: 0 when the job finished (rejects included); 2 for a usage error, a missing input or an"
                    + " output directory that exists; 1 when the job failed (nothing is left at --out)."})
final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "JSON Lines or Parquet: a file or a directory.")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory (must not exist, unless --overwrite).")
    Path out;

    @Option(names = {"-p", "--policy"}, paramLabel = "ID[@DATE]",
            description = "A policy to evaluate under; repeatable. Default: each request's own policy, else every"
                    + " policy with a version in force on its service date.")
    List<String> policies = new ArrayList<>();

    @Option(names = "--jsonl", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Write determinations.jsonl as well as determinations.parquet (default: yes; --no-jsonl for Parquet only).")
    boolean jsonLines;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true,
            description = "The date to review a request for when it has neither serviceDate nor receivedAt.")
    LocalDate today = LocalDate.now();

    @Override
    public Integer call() {
        for (String policy : policies) {
            try {
                Engines.selections(List.of(policy));
            } catch (UnknownPolicyException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--policy: " + e.getMessage());
            }
        }
        Inputs.checkExists(input);
        EvaluateJob.Counts counts = Jobs.run("evaluate", spark, out,
                job -> EvaluateJob.run(job.spark(), input, policies, today, job.work(), jsonLines));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(counts.read() + " lines read: " + counts.evaluated() + " requests evaluated ("
                + counts.determinations() + " determinations), " + counts.rejected() + " rejected");
        stdout.println("  determinations: " + out.resolve(EvaluateJob.DETERMINATIONS)
                + (jsonLines ? ", " + out.resolve(EvaluateJob.DETERMINATIONS_JSONL) : ""));
        stdout.println("  rejects (each with its errors): " + out.resolve(EvaluateJob.REJECTS_JSONL));
        stdout.println("  outcomes per policy and pathway: " + out.resolve(Summaries.CSV) + ", " + out.resolve(Summaries.JSON));
        return 0;
    }
}
