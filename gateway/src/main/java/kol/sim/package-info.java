/** The caller simulator ({@code ./kol call}): behaves like Twilio Media Streams toward a Kol server and measures it. */
package kol.sim;
