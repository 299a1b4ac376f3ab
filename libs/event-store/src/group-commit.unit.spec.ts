import { describe, expect, it } from '@jest/globals';
import type { AppendRequest, AppendResult } from './append-events.js';
import { StreamVersionConflict } from './event-store.errors.js';
import { GroupCommit, type GroupedOutcome } from './group-commit.js';

const request = (streamId: string, tag: string): AppendRequest => ({
  streamId,
  expected: 'any',
  events: [{ type: tag, schemaVersion: 1, data: {}, metadata: { correlationId: tag } }],
  options: {},
});
const resultOf = (r: AppendRequest): AppendResult => ({ nextExpectedVersion: 1, events: r.events as AppendResult['events'] });
const tagsOf = (requests: readonly AppendRequest[]) => requests.map((r) => r.events[0]!.type);
const appended = (r: AppendRequest): GroupedOutcome<AppendResult> => ({ ok: true, value: resultOf(r) });
const keyOf = (r: AppendRequest) => r.streamId;

/** A statement the test finishes when it wants to. */
interface Statement {
  readonly tags: string[];
  finish(): void;
}

function controlledGroupCommit(maxInFlight = 2) {
  const statements: Statement[] = [];
  const run = (requests: readonly AppendRequest[]) =>
    new Promise<Array<GroupedOutcome<AppendResult>>>((resolve) => {
      statements.push({ tags: tagsOf(requests), finish: () => resolve(requests.map(appended)) });
    });
  const alone = async (r: AppendRequest) => {
    await run([r]);
    return resultOf(r);
  };
  const groupCommit = new GroupCommit({ together: run, alone, keyOf }, maxInFlight);
  return { groupCommit, statements };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
  it('sends the appends of one turn as one statement, sorted by stream, and what arrives while slots are busy together', async () => {
    const { groupCommit, statements } = controlledGroupCommit();

    void groupCommit.write(request('s-b', 'first'));
    void groupCommit.write(request('s-a', 'second'));
    void groupCommit.write(request('s-d', 'third'));
    void groupCommit.write(request('s-c', 'fourth'));
    await settle();
    expect(statements.map((s) => s.tags)).toEqual([['second', 'first', 'fourth', 'third']]);

    // A later turn, a slot free: at once, alone.
    void groupCommit.write(request('s-e', 'fifth'));
    await settle();
    expect(statements.map((s) => s.tags).at(-1)).toEqual(['fifth']);

    // Both slots busy: these wait, then go together when one frees.
    void groupCommit.write(request('s-g', 'sixth'));
    await settle();
    void groupCommit.write(request('s-f', 'seventh'));
    await settle();
    expect(statements).toHaveLength(2);
    statements[0]!.finish();
    await settle();
    expect(statements.map((s) => s.tags).at(-1)).toEqual(['seventh', 'sixth']);
  });

  it('keeps the appends of one stream in call order, never two of them in flight', async () => {
    const { groupCommit, statements } = controlledGroupCommit();

    void groupCommit.write(request('s-x', 'x1'));
    void groupCommit.write(request('s-y', 'y1'));
    void groupCommit.write(request('s-x', 'x2'));
    void groupCommit.write(request('s-z', 'z1'));
    void groupCommit.write(request('s-z', 'z2'));
    await settle();
    // One per stream; x2 and z2 wait behind x1 and z1 although a slot is free.
    expect(statements.map((s) => s.tags)).toEqual([['x1', 'y1', 'z1']]);

    statements[0]!.finish();
    await settle();
    expect(statements.map((s) => s.tags)).toEqual([['x1', 'y1', 'z1'], ['x2', 'z2']]);
  });

  it('gives each append its own outcome, a conflict to its caller alone', async () => {
    const conflict = new StreamVersionConflict('s-2', 0, 3);
    const groupCommit = new GroupCommit<AppendRequest, AppendResult>(
      {
        together: async (requests) => requests.map((r) => (r.streamId === 's-2' ? { ok: false, error: conflict } : appended(r))),
        alone: async (r) => resultOf(r),
        keyOf,
      },
      1,
    );

    const outcomes = await Promise.allSettled(['s-1', 's-2', 's-3', 's-4'].map((s) => groupCommit.write(request(s, s))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBe(conflict);
  });

  it('retries each append of a statement that failed as a whole alone, so only the bad one fails', async () => {
    const groupCommit = new GroupCommit<AppendRequest, AppendResult>(
      {
        together: async () => {
          throw new Error('duplicate key value violates unique constraint');
        },
        alone: async (r) => {
          if (r.streamId === 's-bad') throw new Error('duplicate event id');
          return resultOf(r);
        },
        keyOf,
      },
      1,
    );

    const outcomes = await Promise.allSettled(['s-1', 's-2', 's-bad', 's-3'].map((s) => groupCommit.write(request(s, s))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
