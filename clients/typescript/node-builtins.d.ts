// The few Node.js built-ins the MIS example client uses (Node 20+), declared here so the strict build needs
// no @types package: node:crypto, node:fs and node:process, no more than is called.

declare module 'node:crypto' {
    interface Hmac {
        update(data: Uint8Array | string): Hmac;
        digest(): Uint8Array;
    }
    export function createHmac(algorithm: 'sha256', key: Uint8Array): Hmac;
    /** Compares in time independent of the contents; both arguments must have the same length. */
    export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

declare module 'node:fs' {
    /** The file's bytes (a Buffer, never on a shared buffer). */
    export function readFileSync(path: string): Uint8Array<ArrayBuffer>;
    export function readFileSync(path: string, encoding: 'utf8'): string;
    export function writeFileSync(path: string, data: string): void;
    export function renameSync(from: string, to: string): void;
    export function existsSync(path: string): boolean;
}

declare module 'node:process' {
    const process: {
        argv: string[];
        env: Record<string, string | undefined>;
        exitCode?: number;
        stderr: { write(text: string): boolean };
    };
    export = process;
}
