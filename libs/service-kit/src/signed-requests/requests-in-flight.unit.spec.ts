import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { RequestsInFlight } from './requests-in-flight.js';

describe('the signed requests in flight', () => {
  it('counts a request from its entry until its response closes, once however often close is emitted', () => {
    const inFlight = new RequestsInFlight();
    const [first, second] = [new EventEmitter(), new EventEmitter()];

    inFlight.enter(first);
    expect(inFlight.othersInFlight).toBe(false);
    inFlight.enter(second);
    expect(inFlight.othersInFlight).toBe(true);

    first.emit('close');
    first.emit('close');
    expect(inFlight.othersInFlight).toBe(false);
    inFlight.enter(new EventEmitter());
    expect(inFlight.othersInFlight).toBe(true);
  });
});
