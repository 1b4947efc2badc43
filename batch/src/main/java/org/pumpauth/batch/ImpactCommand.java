package org.pumpauth.batch;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until built. */
@Command(name = "impact", hidden = true)
final class ImpactCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new BatchException("not built yet");
    }
}
