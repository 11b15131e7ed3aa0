/** Command line: subcommands and the wiring of concrete classes. */
package kol.cli;
