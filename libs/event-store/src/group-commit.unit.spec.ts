import { describe, expect, it } from '@jest/globals';
import type { AppendRequest, AppendResult } from './append-events.js';
import { StreamVersionConflict } from './event-store.errors.js';
import { GroupCommit } from './group-commit.js';

const request = (streamId: string, tag: string): AppendRequest => ({
  streamId,
  expected: 'any',
  events: [{ type: tag, schemaVersion: 1, data: {}, metadata: { correlationId: tag } }],
  options: {},
});
const resultOf = (r: AppendRequest): AppendResult => ({ nextExpectedVersion: 1, events: r.events as AppendResult['events'] });
const tagsOf = (requests: readonly AppendRequest[]) => requests.map((r) => r.events[0]!.type);

/** A statement the test finishes when it wants to. */
interface Statement {
  readonly tags: string[];
  finish(): void;
}

function controlledGroupCommit(maxInFlight = 2) {
  const statements: Statement[] = [];
  const run = (requests: readonly AppendRequest[]) =>
    new Promise<Array<AppendResult | StreamVersionConflict>>((resolve) => {
      statements.push({ tags: tagsOf(requests), finish: () => resolve(requests.map(resultOf)) });
    });
  const groupCommit = new GroupCommit(run, async (r) => (await run([r]))[0] as AppendResult, maxInFlight);
  return { groupCommit, statements };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('sends an append at once while a statement slot is free, and what arrives meanwhile together, sorted by stream', async () => {
    const { groupCommit, statements } = controlledGroupCommit();

    void groupCommit.append(request('s-b', 'first'));
    void groupCommit.append(request('s-a', 'second'));
    void groupCommit.append(request('s-d', 'third'));
    void groupCommit.append(request('s-c', 'fourth'));
    await settle();
    expect(statements.map((s) => s.tags)).toEqual([['first'], ['second']]);

    statements[0]!.finish();
    await settle();
    expect(statements.map((s) => s.tags)).toEqual([['first'], ['second'], ['fourth', 'third']]);
  });

  it('keeps the appends of one stream in call order, never two of them in flight', async () => {
    const { groupCommit, statements } = controlledGroupCommit();

    void groupCommit.append(request('s-x', 'x1'));
    void groupCommit.append(request('s-y', 'y1'));
    void groupCommit.append(request('s-x', 'x2'));
    void groupCommit.append(request('s-z', 'z1'));
    void groupCommit.append(request('s-z', 'z2'));
    await settle();
    statements[0]!.finish(); // x1 done: x2 may go, with z1; z2 waits behind z1
    await settle();
    expect(statements.map((s) => s.tags)).toEqual([['x1'], ['y1'], ['x2', 'z1']]);

    statements[1]!.finish(); // a slot is free, but z1 is still in flight
    await settle();
    expect(statements).toHaveLength(3);

    statements[2]!.finish();
    await settle();
    expect(statements.map((s) => s.tags).at(-1)).toEqual(['z2']);
  });

  it('gives each append its own outcome, a conflict to its caller alone', async () => {
    const conflict = new StreamVersionConflict('s-2', 0, 3);
    const groupCommit = new GroupCommit(
      async (requests) => requests.map((r) => (r.streamId === 's-2' ? conflict : resultOf(r))),
      async (r) => resultOf(r),
      1,
    );

    const outcomes = await Promise.allSettled(['s-1', 's-2', 's-3', 's-4'].map((s) => groupCommit.append(request(s, s))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBe(conflict);
  });

  it('retries each append of a statement that failed as a whole alone, so only the bad one fails', async () => {
    const groupCommit = new GroupCommit(
      async () => {
        throw new Error('duplicate key value violates unique constraint');
      },
      async (r) => {
        if (r.streamId === 's-bad') throw new Error('duplicate event id');
        return resultOf(r);
      },
      1,
    );

    const outcomes = await Promise.allSettled(['s-1', 's-2', 's-bad', 's-3'].map((s) => groupCommit.append(request(s, s))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
