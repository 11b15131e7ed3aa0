/** Built-in load benchmarks ({@code ./kol bench …}): synthetic calls through the real TX core. */
package kol.bench;
