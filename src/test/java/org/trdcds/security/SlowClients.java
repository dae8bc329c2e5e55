package org.trdcds.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients that declare a large body and send it one byte at a time: the attack of issue 12 on loopback, bounded in
 * count and time. {@link #close()} closes every socket.
 */
final class SlowClients implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();

    /** Opens {@code count} connections, each sending the headers of a POST with a 100 kB body, then one byte. */
    SlowClients(int port, String path, String authorization, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            sockets.add(socket);
            String headers = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: 100000\r\n\r\n{";
            socket.getOutputStream().write(headers.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
        }
    }

    /** One more byte on every connection still open; connections the server closed are skipped. */
    void trickle() {
        for (Socket socket : sockets) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(' ');
                out.flush();
            } catch (IOException closedByTheServer) {
                // expected once the server has answered and closed
            }
        }
    }

    /** What one connection received until the server closed it (or 10 s of silence). */
    static String answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "no answer: " + e.getClass().getSimpleName();
        }
    }

    List<Socket> sockets() {
        return sockets;
    }

    @Override
    public void close() {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
