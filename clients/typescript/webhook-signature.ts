// Verification of a Standard Webhooks signature (https://www.standardwebhooks.com/, "Verifying webhook
// authenticity"): the headers webhook-id, webhook-timestamp and webhook-signature, an HMAC-SHA256 over
// `${id}.${timestamp}.${body}` with the secret that follows `whsec_` (base64), any of several space-separated
// `v1,<base64>` signatures, and a timestamp within 5 minutes of now either way. Node 20+ built-ins only.
// directory-service signs its webhooks this way (docs/integrations.md, "Webhooks"); a receiver verifies them with this.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The three headers of a webhook request, as received. */
export interface WebhookHeaders {
    /** webhook-id: the message id, the same on every retry of one message. */
    id: string;
    /** webhook-timestamp: seconds since the Unix epoch, when the message was signed. */
    timestamp: string;
    /** webhook-signature: one or more `v1,<base64>` separated by spaces (several while a secret is rotated). */
    signature: string;
}

export type Verification = { valid: true } | { valid: false; reason: string };

/** How far a timestamp may be from now, either way: the spec's five minutes. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = 'whsec_';
const encoder = new TextEncoder();

/** The key of a `whsec_...` secret (the prefix is optional), or an error for one that is not base64. */
export function secretKey(secret: string): Uint8Array {
    const encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length) : secret;
    const key = base64Decode(encoded);
    if (key === undefined || key.length === 0) {
        throw new Error('the webhook secret is not base64 after "' + SECRET_PREFIX + '"');
    }
    return key;
}

/** The bytes signed: `${id}.${timestamp}.` followed by the body exactly as received. */
function signedContent(id: string, timestamp: string, body: Uint8Array | string): Uint8Array {
    const prefix = encoder.encode(id + '.' + timestamp + '.');
    const payload = typeof body === 'string' ? encoder.encode(body) : body;
    const content = new Uint8Array(prefix.length + payload.length);
    content.set(prefix, 0);
    content.set(payload, prefix.length);
    return content;
}

/** The `v1,<base64>` signature of a message: what a sender puts in webhook-signature (and what tests use). */
export function sign(secret: string, id: string, timestamp: number | string, body: Uint8Array | string): string {
    const mac = createHmac('sha256', secretKey(secret)).update(signedContent(id, String(timestamp), body)).digest();
    return 'v1,' + base64Encode(mac);
}

/**
 * Whether the body was signed with the secret under these headers, no longer ago (or later) than the tolerance.
 * The body must be the raw bytes received, before any JSON parsing: re-serialised JSON does not verify.
 * Signatures are compared in constant time; a signature of another version than v1 is ignored.
 */
export function verify(
    secret: string,
    headers: WebhookHeaders,
    body: Uint8Array | string,
    options: { toleranceSeconds?: number; now?: Date } = {},
): Verification {
    const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
    const nowSeconds = Math.floor((options.now ?? new Date()).getTime() / 1000);
    if (!headers.id) {
        return { valid: false, reason: 'no webhook-id' };
    }
    if (!/^[0-9]{1,15}$/.test(headers.timestamp)) {
        return { valid: false, reason: 'webhook-timestamp is not a number of seconds' };
    }
    const timestamp = Number(headers.timestamp);
    if (timestamp < nowSeconds - tolerance) {
        return { valid: false, reason: `the timestamp is ${nowSeconds - timestamp} s old (tolerance ${tolerance} s)` };
    }
    if (timestamp > nowSeconds + tolerance) {
        return { valid: false, reason: `the timestamp is ${timestamp - nowSeconds} s in the future (tolerance ${tolerance} s)` };
    }
    const expected = createHmac('sha256', secretKey(secret))
        .update(signedContent(headers.id, headers.timestamp, body))
        .digest();
    let candidates = 0;
    let matched = false;
    for (const entry of headers.signature.split(' ')) {
        const comma = entry.indexOf(',');
        if (comma < 0 || entry.substring(0, comma) !== 'v1') {
            continue;
        }
        candidates++;
        const given = base64Decode(entry.substring(comma + 1));
        // Every candidate is compared, so the time taken does not say which one matched.
        if (given !== undefined && given.length === expected.length && timingSafeEqual(given, expected)) {
            matched = true;
        }
    }
    if (matched) {
        return { valid: true };
    }
    return { valid: false, reason: candidates === 0 ? 'no v1 signature in webhook-signature' : 'no signature matches' };
}

function base64Decode(text: string): Uint8Array | undefined {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
        return undefined;
    }
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) {
        bytes[i] = binary.charCodeAt(i);
    }
    return bytes;
}

function base64Encode(bytes: Uint8Array): string {
    let binary = '';
    for (const b of bytes) {
        binary += String.fromCharCode(b);
    }
    return btoa(binary);
}
