/** The composition root: the HTTP/WebSocket server, the default call application and how they are wired. */
package kol.app;
