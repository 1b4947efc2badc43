package org.pumpauth.batch;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pumpauth batch metrics}: the yearly public prior-authorization metrics from the service's case store. */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute the prior-authorization metrics a plan publishes for a year (CMS-0057-F) from the"
                + " cases the service stored, and write metrics.html, metrics.csv (each figure with its numerator and"
                + " denominator, standard and expedited requests separately) and items.csv (the items and services"
                + " that need prior authorization, from the policies' code lists).",
            "Exit status: 0 when the job finished; 2 for a usage error, a store that cannot be read or an output"
                    + " directory that exists; 1 when the job failed (nothing is left at --out)."})
final class MetricsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    SparkOptions spark;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "The year of receipt (UTC).")
    int year;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Store store;

    static final class Store {
        @Option(names = "--data", paramLabel = "DIR", description = "The service's data directory (its embedded H2 store).")
        Path data;

        @Option(names = "--db", paramLabel = "URL",
                description = "The service's database (jdbc:postgresql://...; user and password from the URL or"
                        + " PUMPAUTH_DB_USER and PUMPAUTH_DB_PASSWORD).")
        String db;
    }

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output directory (must not exist, unless --overwrite).")
    Path out;

    @Override
    public Integer call() {
        if (year < 2000 || year > 2100) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--year: give a year from 2000 to 2100");
        }
        CaseStore caseStore = store.data != null ? CaseStore.data(store.data) : CaseStore.db(store.db, System.getenv());
        caseStore.check();
        List<MetricsJob.Figures> figures = Jobs.run("metrics", spark, out, job -> {
            List<MetricsJob.Figures> f = MetricsJob.run(job.spark(), caseStore, year);
            MetricsReport.write(job.work(), year, caseStore.describe(), f,
                    MetricsReport.items(Engines.review().registry().policies(), year));
            return f;
        });
        PrintWriter stdout = spec.commandLine().getOut();
        for (MetricsJob.Figures f : figures) {
            stdout.println(year + " " + f.urgency() + ": " + f.received() + " received, " + f.decided() + " decided");
        }
        stdout.println("  report: " + out.resolve(MetricsReport.HTML));
        stdout.println("  tables: " + out.resolve(MetricsReport.CSV) + ", " + out.resolve(MetricsReport.ITEMS_CSV));
        return 0;
    }
}
