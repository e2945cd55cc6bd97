// An example school MIS integration on the generated TypeScript client: a client-credentials token from
// Keycloak, a staff sync job sent and followed to its end, a delta pull of practitioners and support offers
// that remembers where it stopped, and the check of a Standard Webhooks signature. Node 20+ built-ins only.
// Usage and output: README-mis-client.md. Run by deploy's MisClientIT against the local stack.
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import process = require('node:process');
import {
    Configuration,
    MISImportsApi,
    PagePractitionerFromJSON,
    PageSupportOfferFromJSON,
    PractitionersApi,
    ResponseError,
    StaffSync,
    StaffSyncOutcome,
    StaffSyncRow,
    StaffSyncStatus,
    StartStaffSyncModeEnum,
    SupportOffersApi,
} from '../target/generated-sources/typescript';
import { verify } from './webhook-signature';

const USAGE = `usage: node mis-client.js <command> [options]

  token                                         print an access token (client credentials)
  sync <school-urn> <file.csv> [--dry-run] [--full] [--atomic]
                                                send a staff file, wait for the job, print each row
  pull [--since <instant>] [--state <file>] [--school <urn>]
                                                changed practitioners and support offers since the last pull
  verify-webhook --secret whsec_... --id <webhook-id> --timestamp <unix seconds>
                 --signature "v1,..." --body <file>
                                                exit 0 if the signature is valid, 1 if not

connection (flags override the environment):
  --gateway <url>        CPD_GATEWAY_URL     the suite's gateway, e.g. https://api.cpd.example
  --issuer <url>         CPD_ISSUER_URL      Keycloak realm, e.g. https://id.cpd.example/realms/cpd
  --client-id <id>       CPD_CLIENT_ID       the MIS client's id
  --client-secret <s>    CPD_CLIENT_SECRET   its secret (prefer the variable: flags show in ps)
`;

/** Exit codes: 0 done (sync: every row applied; webhook: valid), 1 failed or invalid, 2 usage, 3 rows rejected. */
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_REJECTIONS = 3;

class UsageError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Command line

interface Args {
    positional: string[];
    flags: Map<string, string>;
    switches: Set<string>;
}

const SWITCHES = new Set(['dry-run', 'full', 'atomic', 'help']);

function parseArgs(argv: string[]): Args {
    const args: Args = { positional: [], flags: new Map(), switches: new Set() };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (!arg.startsWith('--')) {
            args.positional.push(arg);
            continue;
        }
        const eq = arg.indexOf('=');
        const name = arg.substring(2, eq < 0 ? arg.length : eq);
        if (SWITCHES.has(name)) {
            args.switches.add(name);
        } else if (eq >= 0) {
            args.flags.set(name, arg.substring(eq + 1));
        } else if (i + 1 < argv.length) {
            args.flags.set(name, argv[++i]);
        } else {
            throw new UsageError('--' + name + ' needs a value');
        }
    }
    return args;
}

function setting(args: Args, flag: string, variable: string, fallback?: string): string {
    const value = args.flags.get(flag) ?? process.env[variable] ?? fallback;
    if (!value) {
        throw new UsageError(`--${flag} or ${variable} is needed`);
    }
    return value;
}

function required(args: Args, flag: string): string {
    const value = args.flags.get(flag);
    if (value === undefined) {
        throw new UsageError('--' + flag + ' is needed');
    }
    return value;
}

// ---------------------------------------------------------------------------------------------------------
// Token and the generated client's configuration

interface Token {
    accessToken: string;
    expiresAt: number;
}

/** Client-credentials grant at the token endpoint the issuer's OpenID configuration names. */
async function fetchToken(args: Args): Promise<Token> {
    const issuer = setting(args, 'issuer', 'CPD_ISSUER_URL').replace(/\/+$/, '');
    const clientId = setting(args, 'client-id', 'CPD_CLIENT_ID');
    const clientSecret = setting(args, 'client-secret', 'CPD_CLIENT_SECRET');
    const discovery = await fetch(issuer + '/.well-known/openid-configuration');
    if (!discovery.ok) {
        throw new Error(`OpenID configuration of ${issuer}: HTTP ${discovery.status}`);
    }
    const tokenEndpoint: string = (await discovery.json()).token_endpoint;
    const response = await fetch(tokenEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok || typeof body.access_token !== 'string') {
        throw new Error(`token for ${clientId}: HTTP ${response.status} ${body.error ?? ''} ${body.error_description ?? ''}`.trim());
    }
    return { accessToken: body.access_token, expiresAt: Date.now() + Number(body.expires_in ?? 60) * 1000 };
}

/**
 * fetch that waits as the gateway asks when it answers 429 (Retry-After, in seconds): a long pull or a
 * large sync's rows can spend the client's burst.
 */
async function politeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
        const response = await fetch(input, init);
        if (response.status !== 429 || attempt === 6) {
            return response;
        }
        const wait = Number(response.headers.get('retry-after') ?? '1');
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait) * 1000));
    }
}

/** The generated client's configuration: the gateway, and a token fetched again a minute before it expires. */
function configuration(args: Args): Configuration {
    const gateway = setting(args, 'gateway', 'CPD_GATEWAY_URL').replace(/\/+$/, '');
    let token: Token | undefined;
    return new Configuration({
        basePath: gateway,
        fetchApi: politeFetch,
        accessToken: async () => {
            if (token === undefined || token.expiresAt - Date.now() < 60_000) {
                token = await fetchToken(args);
            }
            return token.accessToken;
        },
    });
}

// ---------------------------------------------------------------------------------------------------------
// sync

const FINISHED: ReadonlySet<string> = new Set<string>([
    StaffSyncStatus.Completed, StaffSyncStatus.CompletedWithRejections, StaffSyncStatus.Aborted]);

async function sync(args: Args): Promise<number> {
    const [school, file] = args.positional;
    if (!school || !file || args.positional.length > 2) {
        throw new UsageError('sync <school-urn> <file.csv> [--dry-run] [--full] [--atomic]');
    }
    const bytes = readFileSync(file);
    const api = new MISImportsApi(configuration(args));
    const dryRun = args.switches.has('dry-run');
    // The file's bytes as they are (UTF-8 or Windows-1252: the service tells them apart), not a decoded string.
    const started = await api.startStaffSync({
        idOrUrn: school,
        body: '',
        dryRun,
        atomic: args.switches.has('atomic'),
        mode: args.switches.has('full') ? StartStaffSyncModeEnum.Full : StartStaffSyncModeEnum.Partial,
    }, async () => ({ body: new Blob([bytes], { type: 'text/csv' }) }));

    // The job is finished when the answer comes today; polling keeps the client right if that ever changes.
    let job: StaffSync = started;
    for (let polls = 0; !FINISHED.has(job.status ?? '') && polls < 600; polls++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        job = await api.getStaffSync({ idOrUrn: school, syncId: job.id! });
    }
    if (!FINISHED.has(job.status ?? '')) {
        throw new Error(`sync ${job.id} still ${job.status} after 10 minutes`);
    }

    console.log(`sync ${job.id} school ${job.schoolUrn} mode ${job.mode}${job.dryRun ? ' dry-run' : ''}`
        + `${job.atomic ? ' atomic' : ''}: ${job.status}`);
    console.log(`rows ${job.rows} created ${job.created} updated ${job.updated} unchanged ${job.unchanged}`
        + ` deactivated ${job.deactivated} rejected ${job.rejected}`);
    let cursor: string | undefined;
    do {
        const page = await api.listStaffSyncRows({ idOrUrn: school, syncId: job.id!, cursor, limit: 200 });
        for (const row of page.items) {
            console.log(describeRow(row, job.dryRun === true));
        }
        cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (job.dryRun) {
        console.log('dry run: nothing was written');
    }
    return job.status === StaffSyncStatus.Completed ? 0 : EXIT_REJECTIONS;
}

function describeRow(row: StaffSyncRow, dryRun: boolean): string {
    // A person deactivated for being absent from a full file has no line.
    const line = row.line == null ? 'absent' : 'line ' + row.line;
    const who = row.practitionerId ?? (row.outcome === StaffSyncOutcome.Created && dryRun ? '(new: no id in a dry run)' : '-');
    let text = `${line.padEnd(9)} ${(row.misStaffId ?? '-').padEnd(12)} ${(row.outcome ?? '?').padEnd(11)} ${who}`;
    for (const error of row.errors ?? []) {
        text += `\n          ${error.field ?? '-'}: ${error.reason ?? ''}`;
    }
    return text;
}

// ---------------------------------------------------------------------------------------------------------
// pull

/**
 * Where a feed stopped: the updatedAt of the last item applied, exactly as the service wrote it, and the ids
 * applied with that very updatedAt. updatedSince is inclusive, so those come again and are skipped.
 */
interface FeedState {
    since: string | null;
    seen: string[];
}

interface PullState {
    practitioners: FeedState;
    supportOffers: FeedState;
}

/** An ISO-8601 instant as nanoseconds since the epoch, so instants with any number of decimals compare exactly. */
function instantKey(instant: string): bigint {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(instant.trim());
    const millis = m ? Date.parse(m[1] + m[3]) : NaN;
    if (!m || Number.isNaN(millis)) {
        throw new UsageError(`not an ISO-8601 instant: ${instant} (e.g. 2026-09-01T00:00:00Z)`);
    }
    return BigInt(millis / 1000) * 1_000_000_000n + BigInt((m[2] ?? '').padEnd(9, '0'));
}

/** The instant to ask for: whole milliseconds, rounded down, so nothing at or after `instant` is missed. */
function askFrom(instant: string): Date {
    return new Date(Number(instantKey(instant) / 1_000_000n));
}

function readState(file: string | undefined): PullState {
    const empty: PullState = { practitioners: { since: null, seen: [] }, supportOffers: { since: null, seen: [] } };
    if (file === undefined || !existsSync(file)) {
        return empty;
    }
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    return { ...empty, ...saved };
}

/** Written to a temporary file and renamed, so an interrupted run leaves the previous state whole. */
function writeState(file: string | undefined, state: PullState): void {
    if (file !== undefined) {
        writeFileSync(file + '.tmp', JSON.stringify(state, null, 2) + '\n');
        renameSync(file + '.tmp', file);
    }
}

interface FeedPage {
    items: { id: string; updatedAt: string; line: string }[];
    nextCursor: string | null;
}

/** Pages a feed from the state's position to its end, printing each new item and saving the state after each page. */
async function pullFeed(name: string, feed: FeedState, fetchPage: (since: Date | undefined, cursor: string | undefined) => Promise<FeedPage>,
                        save: () => void): Promise<number> {
    const since = feed.since === null ? undefined : askFrom(feed.since);
    const seen = new Set(feed.seen);
    let cursor: string | undefined;
    let changes = 0;
    let again = 0;
    let pages = 0;
    do {
        const page = await fetchPage(since, cursor);
        pages++;
        for (const item of page.items) {
            const key = instantKey(item.updatedAt);
            const last = feed.since === null ? undefined : instantKey(feed.since);
            if (last !== undefined && (key < last || (key === last && seen.has(item.id)))) {
                again++; // applied by the previous pull
                continue;
            }
            console.log(item.line);
            changes++;
            if (last === undefined || key !== last) {
                feed.since = item.updatedAt;
                seen.clear();
            }
            seen.add(item.id);
        }
        feed.seen = [...seen];
        save();
        cursor = page.nextCursor ?? undefined;
    } while (cursor);
    console.log(`${name}: ${changes} changed on ${pages} page(s)${again ? `, ${again} seen before` : ''}; next since ${feed.since ?? '(start)'}`);
    return changes;
}

async function pull(args: Args): Promise<number> {
    if (args.positional.length > 0) {
        throw new UsageError('pull [--since <instant>] [--state <file>] [--school <urn>]');
    }
    const stateFile = args.flags.get('state');
    const state = readState(stateFile);
    const since = args.flags.get('since');
    if (since !== undefined) {
        instantKey(since);
        state.practitioners = { since, seen: [] };
        state.supportOffers = { since, seen: [] };
    }
    const config = configuration(args);
    const practitioners = new PractitionersApi(config);
    const offers = new SupportOffersApi(config);
    const schoolUrn = args.flags.get('school');
    const save = () => writeState(stateFile, state);

    // Raw responses: each item's updatedAt is kept as written (microseconds), the generated models type the rest.
    await pullFeed('practitioners', state.practitioners, async (updatedSince, cursor) => {
        const response = await practitioners.listPractitionersRaw({ updatedSince, cursor, schoolUrn, limit: 200 });
        const json = await response.raw.json();
        const page = PagePractitionerFromJSON(json);
        return {
            nextCursor: page.nextCursor,
            items: page.items.map((p, i) => ({
                id: p.id!,
                updatedAt: json.items[i].updatedAt,
                // mergedInto → re-key the local row; active false → the person left; otherwise upsert.
                line: p.mergedInto
                    ? `practitioner merged ${p.id} -> ${p.mergedInto}`
                    : p.active === false
                        ? `practitioner left   ${p.id} ${p.fullName ?? ''}`
                        : `practitioner upsert ${p.id} ${p.fullName ?? ''} <${p.email ?? ''}> ${p.careerStage ?? ''} school ${p.schoolUrn ?? '-'}`,
            })),
        };
    }, save);
    await pullFeed('support offers', state.supportOffers, async (updatedSince, cursor) => {
        const response = await offers.listSupportOffersRaw({ updatedSince, cursor, limit: 200 });
        const json = await response.raw.json();
        const page = PageSupportOfferFromJSON(json);
        return {
            nextCursor: page.nextCursor,
            items: page.items.map((o, i) => ({
                id: o.practitionerId!,
                updatedAt: json.items[i].updatedAt,
                line: `offer ${o.paused ? 'paused' : 'upsert'} ${o.practitionerId} forms ${(o.forms ?? []).map((f) => f.form).join(',') || '-'}`,
            })),
        };
    }, save);
    if (stateFile !== undefined) {
        console.log(`state saved to ${stateFile}`);
    }
    return 0;
}

// ---------------------------------------------------------------------------------------------------------
// verify-webhook

function verifyWebhook(args: Args): number {
    const secret = args.flags.get('secret') ?? process.env.CPD_WEBHOOK_SECRET;
    if (!secret) {
        throw new UsageError('--secret or CPD_WEBHOOK_SECRET is needed');
    }
    const body = readFileSync(required(args, 'body'));
    const result = verify(secret, {
        id: required(args, 'id'),
        timestamp: required(args, 'timestamp'),
        signature: required(args, 'signature'),
    }, body);
    if (result.valid) {
        console.log('webhook signature: valid');
        return 0;
    }
    console.log('webhook signature: INVALID (' + result.reason + ')');
    return EXIT_FAILED;
}

// ---------------------------------------------------------------------------------------------------------

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    const args = parseArgs(rest);
    if (command === undefined || command === 'help' || args.switches.has('help')) {
        console.log(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
    }
    switch (command) {
        case 'token':
            console.log((await fetchToken(args)).accessToken);
            return 0;
        case 'sync':
            return sync(args);
        case 'pull':
            return pull(args);
        case 'verify-webhook':
            return verifyWebhook(args);
        default:
            throw new UsageError('unknown command ' + command);
    }
}

/** A problem+json answer of the suite, in one line: status, title, detail and the fields at fault. */
async function describeFailure(e: unknown): Promise<string> {
    if (e instanceof ResponseError) {
        const text = await e.response.text().catch(() => '');
        try {
            const problem = JSON.parse(text);
            const fields = (problem.errors ?? []).map((f: { field?: string; message?: string }) => `${f.field}: ${f.message}`);
            return `HTTP ${e.response.status} ${problem.title ?? ''}${problem.detail ? ': ' + problem.detail : ''}`
                + (fields.length ? ` (${fields.join('; ')})` : '');
        } catch {
            return `HTTP ${e.response.status} ${text}`;
        }
    }
    return e instanceof Error ? e.message : String(e);
}

main(process.argv.slice(2)).then(
    (code) => {
        process.exitCode = code;
    },
    async (e) => {
        if (e instanceof UsageError) {
            process.stderr.write(`mis-client: ${e.message}\n\n${USAGE}`);
            process.exitCode = EXIT_USAGE;
        } else {
            process.stderr.write(`mis-client: ${await describeFailure(e)}\n`);
            process.exitCode = EXIT_FAILED;
        }
    });
