/**
 * The {@code synth} command. Local subcommands run the engines in-process on files, so every
 * capability is usable and benchmarkable without the platform; {@code --remote} sends the same
 * work to a running platform instead.
 */
package io.synthline.cli;
