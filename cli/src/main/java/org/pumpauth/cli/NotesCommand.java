package org.pumpauth.cli;

import picocli.CommandLine.Command;

/** {@code pumpauth notes}: evidence from clinical notes. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = {"Read clinical notes: the request facts a note states, with the words that state them,",
            "and ConText assertion (negation, temporality, experiencer) of mentions."},
        subcommands = {NotesExtractCommand.class, NotesAssertCommand.class})
final class NotesCommand extends CommandGroup {}
