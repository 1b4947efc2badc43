package org.pumpauth.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.pumpauth.policy.UnknownPolicyException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pumpauth batch impact}: what a new policy version would do to many requests, as a report. */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = {"Evaluate every request of the input under two versions of a policy (each as of its own service"
                + " date) and write, in the output directory: impact.html (per pathway, a chart and the table of outcome"
                + " transitions; for each change the criteria whose result changed and up to five example requests;"
                + " what reproduces the report), transitions.csv, criteria.csv, impact.json and requests.parquet"
                + " (each request's outcomes and changed criteria).",
            "Requests that name another policy are counted, not compared.",
            "Exit status: 0 when the job finished; 2 for a usage error, a missing input or an output directory that"
                    + " exists; 1 when the job failed (nothing is left at --out)."})
final class ImpactCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Option(names = "--from", required = true, paramLabel = "ID@DATE", description = "The version in force now.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ID@DATE", description = "The version proposed.")
    String to;

    @Option(names = "--input", required = true, paramLabel = "PATH", description = "JSON Lines or Parquet: a file or a directory.")
    String input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory (must not exist, unless --overwrite).")
    Path out;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD", hidden = true,
            description = "The date to review a request for when it has neither serviceDate nor receivedAt.")
    LocalDate today = LocalDate.now();

    @Override
    public Integer call() {
        check("--from", from);
        check("--to", to);
        Inputs.checkExists(input);
        ImpactJob.Impact impact = Jobs.run("impact", spark, out,
                job -> ImpactJob.run(job.spark(), input, from, to, today, job.work()));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(impact.read() + " requests read: " + impact.compared() + " compared, " + impact.otherPolicy()
                + " name another policy, " + impact.rejected() + " rejected; " + ImpactReport.changedOutcome(impact)
                + " change outcome (" + ImpactReport.approvalsLost(impact) + " that meet the criteria now would not)");
        stdout.println("  report: " + out.resolve(ImpactReport.HTML));
        stdout.println("  tables: " + out.resolve(ImpactReport.TRANSITIONS_CSV) + ", " + out.resolve(ImpactReport.CRITERIA_CSV)
                + ", " + out.resolve(ImpactReport.JSON));
        return 0;
    }

    private void check(String option, String version) {
        if (version.indexOf('@') < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": name a version, as ID@YYYY-MM-DD");
        }
        try {
            Engines.version(version);
        } catch (UnknownPolicyException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
