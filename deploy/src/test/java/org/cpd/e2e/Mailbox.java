package org.cpd.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Mail that arrived at the local stack's GreenMail, read over POP3 (any password; the mailbox is the
 * address). Plain POP3 in a few lines, so the suite needs no mail library.
 */
final class Mailbox {

    static final String HOST = System.getProperty("e2e.pop3.host", "127.0.0.1");
    static final int PORT = Integer.getInteger("e2e.pop3.port", 3110);

    private Mailbox() {
    }

    /** Every message in the mailbox, raw (headers and body), oldest first. */
    static List<String> messages(String address) {
        try (Socket socket = new Socket(HOST, PORT)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            expectOk(in.readLine());
            command(in, out, "USER " + address);
            command(in, out, "PASS any");
            String stat = command(in, out, "STAT");
            int count = Integer.parseInt(stat.split(" ")[1]);
            List<String> messages = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                command(in, out, "RETR " + i);
                StringBuilder message = new StringBuilder();
                for (String line = in.readLine(); line != null && !line.equals("."); line = in.readLine()) {
                    message.append(line.startsWith("..") ? line.substring(1) : line).append('\n');
                }
                messages.add(message.toString());
            }
            command(in, out, "QUIT");
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException("POP3 " + HOST + ":" + PORT, e);
        }
    }

    private static String command(BufferedReader in, OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return expectOk(in.readLine());
    }

    private static String expectOk(String reply) {
        if (reply == null || !reply.startsWith("+OK")) {
            throw new IllegalStateException("POP3 answered " + reply);
        }
        return reply;
    }
}
