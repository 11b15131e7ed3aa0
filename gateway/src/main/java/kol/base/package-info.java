/** The clock seam, settings (each declared once) and small shared counters; depends on nothing but the JDK. */
package kol.base;
