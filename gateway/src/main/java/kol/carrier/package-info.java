/** Carrier-neutral call events and the ports between a carrier adapter and the application. */
package kol.carrier;
