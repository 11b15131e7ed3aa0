/** JMH benchmarks for the per-frame paths; run with {@code -prof gc} to see they allocate nothing. */
package kol.jmh;
