/** Google Cloud adapters: Speech-to-Text over gRPC, one call-long stream renewed across Google's limits. */
package kol.provider.google;
