package kol.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * An HTTP/1.1 server on a loopback port, written on a bare socket so a test controls the bytes: a status, a body sent
 * in timed chunks with chunked transfer encoding, and how the body ends (properly, cut off mid-stream, or never). It
 * records each request and notices when the client closes the connection. Shared by the tests of the voices that
 * stream over HTTP.
 */
public final class ScriptedHttpServer implements AutoCloseable {

    /** How a streamed body ends. */
    public enum Ending { COMPLETE, CUT_OFF, HANG }

    /** One body part, written {@code delayMs} after the previous one. */
    public record Part(byte[] bytes, long delayMs) {
    }

    /** What the server answers. */
    public record Response(int status, String contentType, List<Part> parts, Ending ending) {
        public static Response stream(Ending ending, Part... parts) {
            return new Response(200, "audio/basic", List.of(parts), ending);
        }

        public static Response error(int status, String json) {
            return new Response(status, "application/json",
                    List.of(new Part(json.getBytes(StandardCharsets.UTF_8), 0)), Ending.COMPLETE);
        }
    }

    /** A request as received. */
    public record Request(String method, String target, Map<String, String> headers, String body) {
    }

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public final CountDownLatch clientClosed = new CountDownLatch(1);
    public volatile Response response = Response.stream(Ending.COMPLETE);

    private final ServerSocket socket;
    private final Thread acceptor;

    public ScriptedHttpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread serving = new Thread(() -> serve(connection), "scripted-http-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    clientClosed.countDown();
                    return;
                }
                requests.add(request);
                Response script = response;
                if (!answer(script, out)) {
                    return;
                }
                if (script.ending() == Ending.HANG) {
                    // The client's close shows up as the end of its input.
                    while (in.read() >= 0) {
                        continue;
                    }
                    clientClosed.countDown();
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            clientClosed.countDown();
        }
    }

    /** Writes the response; false when the connection must close (cut off). */
    private boolean answer(Response script, OutputStream out) throws IOException, InterruptedException {
        String head = "HTTP/1.1 " + script.status() + " X\r\nContent-Type: " + script.contentType() + "\r\n";
        if (script.status() != 200) {
            byte[] body = script.parts().get(0).bytes();
            out.write((head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return true;
        }
        out.write((head + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        for (Part part : script.parts()) {
            Thread.sleep(part.delayMs());
            out.write((Integer.toHexString(part.bytes().length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part.bytes());
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        if (script.ending() == Ending.COMPLETE) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return script.ending() != Ending.CUT_OFF;
    }

    /** The next request on the connection, or null when the client closed it. */
    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String requestLine = null;
        Map<String, String> headers = new HashMap<>();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).strip();
                line.reset();
                if (requestLine == null) {
                    requestLine = text;
                } else if (text.isEmpty()) {
                    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                    String[] parts = requestLine.split(" ");
                    return new Request(parts[0], parts[1], headers, body);
                } else {
                    int colon = text.indexOf(':');
                    headers.put(text.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            text.substring(colon + 1).strip());
                }
            } else {
                line.write(b);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
