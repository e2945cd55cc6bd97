package org.cpd.commons.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON body limit while the body is read, for bodies sent without Content-Length (chunked):
 * reading stops at the limit with a 413 problem. {@link BodySizeLimit} refuses a declared length
 * before anything is read; uploads (not JSON) keep the HTTP layer's larger limit.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StreamingBodyLimit implements ReaderInterceptor {

    @Inject
    HttpLimitsConfig limits;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        MediaType type = context.getMediaType();
        if (type != null && type.getSubtype() != null && type.getSubtype().contains("json")) {
            context.setInputStream(new Limited(context.getInputStream(), limits.maxJsonBody()));
        }
        return context.proceed();
    }

    static Problem tooLarge(long limit) {
        return Problem.of(413, "payload-too-large", "Body too large").detail("JSON bodies are limited to " + limit + " bytes")
;
    }

    /** Counts what is read; one byte over the limit ends the request. */
    static final class Limited extends FilterInputStream {

        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
