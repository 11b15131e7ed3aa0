/** GO/NO-GO: reads Kol's {@code [TX]} log lines and judges each call by the production checklist. */
package kol.gonogo;
