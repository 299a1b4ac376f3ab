import { describeViolations, type SchemaViolation } from '../schema/schema-violation.js';

export class UnknownEventType extends Error {
  constructor(readonly type: string) {
    super(`no contract is registered for event type "${type}"`);
    this.name = 'UnknownEventType';
  }
}

/** The data does not match the schema of its event type; `violations` lists each bad path and why. */
export class EventSchemaViolation extends Error {
  constructor(
    readonly type: string,
    readonly violations: readonly SchemaViolation[],
  ) {
    super(`data of "${type}" violates its schema: ${describeViolations(violations)}`);
    this.name = 'EventSchemaViolation';
  }
}

export class ContractIsAlreadyRegistered extends Error {
  constructor(readonly type: string) {
    super(`a contract for event type "${type}" is already registered`);
    this.name = 'ContractIsAlreadyRegistered';
  }
}

/** A newer version exists but an older one cannot reach it: a version is missing or has no upcast. */
export class UpcastChainIsBroken extends Error {
  constructor(
    readonly from: string,
    readonly reason: string,
  ) {
    super(`"${from}" cannot be upcast to the latest version: ${reason}`);
    this.name = 'UpcastChainIsBroken';
  }
}

/** An upcaster returned data that its target version's schema refuses: a bug in the upcaster. */
export class UpcastBrokeTheNextContract extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
    readonly violations: readonly SchemaViolation[],
  ) {
    super(`upcasting "${from}" produced data that violates "${to}": ${describeViolations(violations)}`);
    this.name = 'UpcastBrokeTheNextContract';
  }
}
