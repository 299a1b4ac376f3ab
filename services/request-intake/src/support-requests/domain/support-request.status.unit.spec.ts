import { describe, expect, it } from '@jest/globals';
import { laterLifecycleStatus, laterProvenanceStatus, type LifecycleStatus, type ProvenanceStatus } from './support-request.status.js';

// Every pair (current, observed) of each status, with the status that must result.
const lifecycle: [LifecycleStatus, LifecycleStatus, LifecycleStatus][] = [
  ['submitted', 'submitted', 'submitted'],
  ['submitted', 'acknowledged', 'acknowledged'],
  ['submitted', 'endorsed', 'endorsed'],
  ['submitted', 'declined', 'declined'],
  ['submitted', 'rejected', 'rejected'],
  ['acknowledged', 'submitted', 'acknowledged'],
  ['acknowledged', 'acknowledged', 'acknowledged'],
  ['acknowledged', 'endorsed', 'endorsed'],
  ['acknowledged', 'declined', 'declined'],
  ['acknowledged', 'rejected', 'rejected'],
  ['endorsed', 'submitted', 'endorsed'],
  ['endorsed', 'acknowledged', 'endorsed'],
  ['endorsed', 'endorsed', 'endorsed'],
  ['endorsed', 'declined', 'endorsed'],
  ['endorsed', 'rejected', 'rejected'],
  ['declined', 'submitted', 'declined'],
  ['declined', 'acknowledged', 'declined'],
  ['declined', 'endorsed', 'declined'],
  ['declined', 'declined', 'declined'],
  ['declined', 'rejected', 'rejected'],
  ['rejected', 'submitted', 'rejected'],
  ['rejected', 'acknowledged', 'rejected'],
  ['rejected', 'endorsed', 'rejected'],
  ['rejected', 'declined', 'rejected'],
  ['rejected', 'rejected', 'rejected'],
];

const provenance: [ProvenanceStatus, ProvenanceStatus, ProvenanceStatus][] = [
  ['unverified', 'pending-ncb', 'pending-ncb'],
  ['unverified', 'official', 'official'],
  ['unverified', 'rejected', 'rejected'],
  ['pending-ncb', 'pending-ncb', 'pending-ncb'],
  ['pending-ncb', 'official', 'official'],
  ['pending-ncb', 'rejected', 'rejected'],
  ['official', 'pending-ncb', 'official'],
  ['official', 'official', 'official'],
  ['official', 'rejected', 'rejected'],
  ['rejected', 'pending-ncb', 'rejected'],
  ['rejected', 'official', 'rejected'],
];

describe('the lifecycle status of a support request', () => {
  it.each(lifecycle)('at %s, observing %s, becomes %s', (current, next, expected) => {
    expect(laterLifecycleStatus(current, next)).toBe(expected);
  });
});

describe('the provenance status of a support request', () => {
  it.each(provenance)('at %s, observing %s, becomes %s', (current, next, expected) => {
    expect(laterProvenanceStatus(current, next)).toBe(expected);
  });
});
