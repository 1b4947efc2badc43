package org.pumpauth.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;

/** A command that only groups subcommands ({@code pumpauth policy show}): on its own it prints its usage. */
abstract class CommandGroup implements Runnable {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
