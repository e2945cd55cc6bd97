package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import org.hibernate.Session;
import org.postgresql.PGConnection;
import org.postgresql.largeobject.LargeObject;
import org.postgresql.largeobject.LargeObjectManager;

/**
 * PostgreSQL large objects: the bytes share the database's transactions and backups with the rows
 * that point at them. Copies go through a fixed 64 KiB buffer. Every method needs the caller's
 * transaction (large objects cannot be used in auto-commit mode).
 */
@ApplicationScoped
public class LargeObjectAttachmentStore implements AttachmentStore {

    private static final int BUFFER = 64 * 1024;

    @Inject
    EntityManager em;

    @Override
    public Stored store(InputStream in, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        try {
            return em.unwrap(Session.class).doReturningWork(connection -> {
                LargeObjectManager objects = largeObjects(connection);
                long oid = objects.createLO(LargeObjectManager.READWRITE);
                LargeObject object = objects.open(oid, LargeObjectManager.WRITE);
                long size = 0;
                try (DigestInputStream digesting = new DigestInputStream(in, sha256);
                     OutputStream out = object.getOutputStream()) {
                    byte[] buffer = new byte[BUFFER];
                    int read;
                    while ((read = digesting.read(buffer)) != -1) {
                        size += read;
                        if (size > maxBytes) {
                            throw new UncheckedIOException(new TooLargeException(maxBytes));
                        }
                        out.write(buffer, 0, read);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return new Stored(oid, size, HexFormat.of().formatHex(sha256.digest()));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void copyTo(long ref, OutputStream out) throws IOException {
        try {
            em.unwrap(Session.class).doWork(connection -> {
                LargeObject object = largeObjects(connection).open(ref, LargeObjectManager.READ);
                try (InputStream in = object.getInputStream()) {
                    byte[] buffer = new byte[BUFFER];
                    int read;
                    while ((read = in.read(buffer)) != -1) {
                        out.write(buffer, 0, read);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    object.close();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void delete(long ref) {
        em.unwrap(Session.class).doWork(connection -> largeObjects(connection).unlink(ref));
    }

    private static LargeObjectManager largeObjects(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getLargeObjectAPI();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
