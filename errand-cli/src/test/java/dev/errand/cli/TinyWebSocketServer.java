package dev.errand.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an RFC 6455 server to test the CLI's WebSocket client: each accepted connection
 * plays the next script (text frames, then a close frame or an abrupt drop), or refuses the
 * upgrade with an HTTP status and body. Records each handshake's request line and headers.
 */
final class TinyWebSocketServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** What one connection does. */
    sealed interface Script {
        /** Sends the texts as frames, then a close frame if {@code closeCleanly}, else drops the socket. */
        record Play(List<String> texts, boolean closeCleanly) implements Script {}

        /** Sends the texts, then goes silent, ignoring pings, until the client hangs up. */
        record Stall(List<String> texts) implements Script {}

        /** Answers the upgrade request with an HTTP error. */
        record Refuse(int status, String body) implements Script {}
    }

    /** A handshake as received. */
    record Handshake(String requestLine, Map<String, String> headers) {}

    private final ServerSocket server;
    private final Deque<Script> scripts = new ArrayDeque<>();
    private final List<Handshake> handshakes = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    TinyWebSocketServer(Script... scripts) throws IOException {
        this.scripts.addAll(List.of(scripts));
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    List<Handshake> handshakes() {
        return List.copyOf(handshakes);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                serve(socket);
            } catch (IOException e) {
                // The test closed the server, or the client went away; either ends this connection.
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        String[] head = readHead(in).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
        }
        handshakes.add(new Handshake(head[0], headers));
        Script script;
        synchronized (scripts) {
            script = scripts.poll();
        }
        switch (script) {
            case null -> socket.close();
            case Script.Refuse refuse -> {
                byte[] body = refuse.body().getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 " + refuse.status() + " Refused\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
            case Script.Stall stall -> {
                upgrade(out, headers, stall.texts());
                while (in.read() >= 0) {
                    // Swallow pings and the final close without answering.
                }
            }
            case Script.Play play -> {
                upgrade(out, headers, play.texts());
                if (play.closeCleanly()) {
                    frame(out, 0x88, new byte[] {0x03, (byte) 0xE8});
                }
                out.flush();
                // End the stream with a FIN (not a reset, which could discard frames in flight), then
                // wait for the client's close frame or its own close.
                socket.shutdownOutput();
                socket.setSoTimeout(2000);
                in.read(new byte[64]);
            }
        }
    }

    private static void upgrade(OutputStream out, Map<String, String> headers, List<String> texts) throws IOException {
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept(headers.get("Sec-WebSocket-Key")) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (String text : texts) {
            frame(out, 0x81, text.getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void frame(OutputStream out, int opcode, byte[] payload) throws IOException {
        out.write(opcode);
        if (payload.length < 126) {
            out.write(payload.length);
        } else if (payload.length < 65_536) {
            out.write(126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        out.write(payload);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed during the handshake");
            }
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.US_ASCII).strip();
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
