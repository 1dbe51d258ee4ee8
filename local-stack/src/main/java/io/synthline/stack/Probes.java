package io.synthline.stack;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Protocol-level health checks that need nothing but the JDK: the consumers of this module (CLI,
 * service tests) must not need a JDBC driver or Kafka client just to ask whether the stack is up.
 */
final class Probes {

    private static final int CONNECT_TIMEOUT_MS = 1000;
    private static final int READ_TIMEOUT_MS = 3000;

    private Probes() {
    }

    /**
     * True if something holds the port: either a listener answers, or binding fails. Both checks,
     * because a listener on another loopback address or on a wildcard only shows up in one of them.
     */
    static boolean portInUse(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException notListening) {
            // fall through to the bind check
        }
        try (ServerSocket ss = new ServerSocket()) {
            // SO_REUSEADDR so a socket of a just-stopped server in TIME_WAIT does not count as "in use".
            ss.setReuseAddress(true);
            ss.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Sends a PostgreSQL StartupMessage. The server answers 'R' (authentication request) only once it
     * accepts connections; while starting up or shutting down it answers 'E' with SQLSTATE 57P03.
     */
    static boolean postgresReady(String host, int port, String user) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            byte[] params = ("user\0" + user + "\0database\0postgres\0\0").getBytes(StandardCharsets.US_ASCII);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(8 + params.length);
            out.writeInt(196608); // protocol 3.0
            out.write(params);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int type = in.read();
            if (type == 'R') {
                return true;
            }
            if (type == 'E') {
                int len = in.readInt();
                byte[] body = in.readNBytes(Math.max(0, Math.min(len - 4, 8192)));
                String text = new String(body, StandardCharsets.UTF_8);
                // Any other error (e.g. an unknown role) still proves the server is serving.
                return !text.contains("C57P03");
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Sends a Kafka ApiVersions v0 request and checks the correlation id of the answer: proves a
     * Kafka broker (not just any listener) serves the port.
     */
    static boolean kafkaReady(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            s.setSoTimeout(READ_TIMEOUT_MS);
            byte[] clientId = "synthline-stack-probe".getBytes(StandardCharsets.US_ASCII);
            int correlationId = 0x53594e54;
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeInt(2 + 2 + 4 + 2 + clientId.length);
            out.writeShort(18); // ApiVersions
            out.writeShort(0);
            out.writeInt(correlationId);
            out.writeShort(clientId.length);
            out.write(clientId);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int size = in.readInt();
            return size >= 6 && in.readInt() == correlationId;
        } catch (IOException e) {
            return false;
        }
    }

    /** HTTP GET returning 200. */
    static boolean httpOk(String url) {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(CONNECT_TIMEOUT_MS);
            c.setReadTimeout(READ_TIMEOUT_MS);
            c.setInstanceFollowRedirects(false);
            int code = c.getResponseCode();
            c.getInputStream().close();
            return code == 200;
        } catch (IOException e) {
            return false;
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
