// What a portal or mobile team does with the generated TypeScript client, against a running stack through
// the gateway with a real Keycloak token: supporters paged by nextCursor to the end, a goal created and
// updated with If-Match, evidence with an attachment, the portfolio as JSON. Exits non-zero on any failure.
// Run by deploy's TypeScriptClientJourneyIT (node target/typescript/typescript/journey.js).
import {
    Configuration,
    EvidenceApi,
    EvidenceType,
    GoalsApi,
    PortfoliosApi,
    Priority,
    ResponseError,
    SetBy,
    SupportersAndMatchingApi,
} from '../target/generated-sources/typescript';

// Node's globals used here (the client itself needs only fetch, Blob and FormData).
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const GATEWAY = process.env.E2E_GATEWAY_URL ?? 'http://localhost:8080';
const KEYCLOAK = process.env.E2E_KEYCLOAK_URL ?? 'http://localhost:8180';
const LEARNER = '30000000-0000-4000-8000-000000000003'; // the dev realm's "teacher"
const MENTOR = '30000000-0000-4000-8000-000000000002';
// A real 4x3 PNG: the service checks an attachment's bytes against its type.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAEElEQVR4nGMwTjsDRww4OQA/XBC9QOaw3gAAAABJRU5ErkJggg==';

function check(condition: unknown, what: string): asserts condition {
    if (!condition) {
        throw new Error('journey check failed: ' + what);
    }
}

/** Password grant of a demo user through the public portal client (dev realm only). */
async function tokenFor(username: string): Promise<string> {
    const response = await fetch(KEYCLOAK + '/realms/cpd/protocol/openid-connect/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'password', client_id: 'cpd-portal', username, password: 'demo', scope: 'openid' }),
    });
    check(response.ok, 'token for ' + username + ': ' + response.status);
    return (await response.json()).access_token;
}

/**
 * fetch that waits as the gateway asks when it answers 429 (Retry-After, in seconds), as a real client should:
 * paging quickly through many small pages can spend a caller's burst.
 */
async function politeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
        const response = await fetch(input, init);
        if (response.status !== 429 || attempt === 5) {
            return response;
        }
        const wait = Number(response.headers.get('retry-after') ?? '1');
        await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait) * 1000));
    }
}

async function journey(): Promise<void> {
    const token = await tokenFor('teacher');
    // The document's server is the production gateway; a client points basePath at its environment's.
    const config = new Configuration({ basePath: GATEWAY, accessToken: async () => token, fetchApi: politeFetch });

    const supporters = new SupportersAndMatchingApi(config);
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
        const page = await supporters.searchSupporters({ limit: 50, cursor });
        for (const s of page.items) {
            check(s.practitionerId && !seen.has(s.practitionerId), 'each supporter once');
            seen.add(s.practitionerId!);
        }
        cursor = page.nextCursor ?? undefined;
        pages++;
    } while (cursor && pages < 1000);
    check(cursor === undefined, 'the last page has a null nextCursor');
    check(pages > 1 && seen.has(MENTOR), 'several pages, the mentor among them (' + pages + ' pages)');
    console.log(`supporters: ${seen.size} on ${pages} pages`);

    const goals = new GoalsApi(config);
    const title = 'Pupils explain their reasoning (TypeScript client ' + Date.now() + ')';
    const target = new Date();
    target.setMonth(target.getMonth() + 3);
    const created = await goals.createGoalRaw({
        idempotencyKey: crypto.randomUUID(),
        goalRequest: {
            title,
            pupilAspiration: 'Every pupil in 8B can explain how they reached an answer',
            priority: Priority.Both,
            successCriteria: 'In three observed lessons most pupils justify answers unprompted',
            targetDate: target,
            setBy: SetBy.Shared,
        },
    });
    check(created.raw.status === 201, 'goal created: ' + created.raw.status);
    const goal = await created.value();
    check(goal.id && goal.title === title && goal.ownerId === LEARNER, 'the goal is the teacher\'s');
    check(created.raw.headers.get('Location')?.startsWith(GATEWAY + '/api/v1/goals/'), 'Location on the gateway');
    const etag = created.raw.headers.get('ETag');
    check(etag, 'the created goal has an ETag');

    const updated = await goals.patchGoalRaw({ id: goal.id!, ifMatch: etag, goalPatch: { stretch: 'Asking follow-up questions without a script' } });
    const afterUpdate = await updated.value();
    check(afterUpdate.stretch === 'Asking follow-up questions without a script' && afterUpdate.title === title, 'the goal is updated');
    check(updated.raw.headers.get('ETag') && updated.raw.headers.get('ETag') !== etag, 'a new ETag after the update');
    try {
        await goals.patchGoal({ id: goal.id!, ifMatch: etag, goalPatch: { stretch: 'lost update' } });
        check(false, 'a stale If-Match is refused');
    } catch (e) {
        check(e instanceof ResponseError && e.response.status === 412, 'a stale If-Match is 412: ' + e);
    }
    console.log(`goal ${goal.id} created and updated with If-Match`);

    const evidenceApi = new EvidenceApi(config);
    const evidence = await evidenceApi.createEvidence({
        idempotencyKey: crypto.randomUUID(),
        evidenceRequest: {
            type: EvidenceType.PupilWork,
            occurredOn: new Date(),
            title: '8B ratio worksheet, annotated',
            reflection: 'Pupils who paired first justified more of their answers',
            goalIds: [goal.id!],
        },
    });
    check(evidence.id && evidence.goalIds?.includes(goal.id!), 'evidence linked to the goal');
    const bytes = Uint8Array.from(atob(PNG), c => c.charCodeAt(0));
    const attachment = await evidenceApi.uploadAttachment({ id: evidence.id!, file: new Blob([bytes], { type: 'image/png' }) });
    check(attachment.evidenceId === evidence.id && attachment.contentType === 'image/png'
        && attachment.sizeBytes === bytes.length, 'the attachment is stored: ' + JSON.stringify(attachment));
    console.log(`evidence ${evidence.id} with attachment ${attachment.id}`);

    const portfolio = await new PortfoliosApi(config).getPortfolio({ learnerId: LEARNER });
    check(portfolio.learnerId === LEARNER, 'the teacher\'s portfolio');
    const entry = portfolio.goals?.find(g => g.goal?.id === goal.id);
    check(entry && entry.goal?.stretch === 'Asking follow-up questions without a script', 'the goal is in the portfolio');
    check(entry.evidence?.some(e => e.id === evidence.id), 'with its evidence');
    console.log('portfolio read as JSON: the goal and its evidence are in it');
}

journey().then(
    () => console.log('TypeScript client journey: passed'),
    (e) => {
        console.error('TypeScript client journey: FAILED', e);
        process.exitCode = 1;
    });
