import type { CloudEvent } from '../envelope/cloud-event.js';
import {
  ContractIsAlreadyRegistered,
  EventSchemaViolation,
  UnknownEventType,
  UpcastBrokeTheNextContract,
  UpcastChainIsBroken,
} from './contract-registry.errors.js';
import type { EventContract } from './event-contract.js';

/**
 * The event types a process understands, and the one way to read event data: `decode` validates
 * what was received against the schema of its own version, then upcasts it step by step (v1 to v2
 * to ... latest), checking each step against the next schema. A consumer therefore only ever
 * handles the latest version, and an event written as v1 stays readable for as long as v1 is
 * registered.
 *
 * `TDecoded` maps each known type to the data `decode` returns for it (the latest version's);
 * other type strings decode to `unknown`.
 */
export class ContractRegistry<TDecoded extends object = Record<never, never>> {
  private readonly byType = new Map<string, EventContract>();
  private readonly byFamily = new Map<string, Map<number, EventContract>>();

  constructor(contracts: readonly EventContract[] = []) {
    this.register(...contracts);
  }

  /** Adds contracts; refuses a type registered twice (ContractIsAlreadyRegistered). */
  register(...contracts: readonly EventContract[]): this {
    for (const contract of contracts) {
      if (this.byType.has(contract.type)) throw new ContractIsAlreadyRegistered(contract.type);
      this.byType.set(contract.type, contract);
      const versions = this.byFamily.get(contract.family) ?? new Map<number, EventContract>();
      versions.set(contract.version, contract);
      this.byFamily.set(contract.family, versions);
    }
    return this;
  }

  has(type: string): boolean {
    return this.byType.has(type);
  }

  /** The contract of `type`; throws UnknownEventType. */
  contractFor(type: string): EventContract {
    const contract = this.byType.get(type);
    if (!contract) throw new UnknownEventType(type);
    return contract;
  }

  /** Every registered contract, in registration order. */
  list(): readonly EventContract[] {
    return [...this.byType.values()];
  }

  /** The contract of the newest registered version of `type`'s event; throws UnknownEventType. */
  latestOf(type: string): EventContract {
    const { family } = this.contractFor(type);
    const versions = this.byFamily.get(family)!;
    return versions.get(Math.max(...versions.keys()))!;
  }

  /**
   * Validates `data` as `type` and returns it upcast to the latest version of that event.
   * Throws UnknownEventType, EventSchemaViolation (listing every bad path), UpcastChainIsBroken or
   * UpcastBrokeTheNextContract. Never modifies `data`.
   */
  decode<TType extends keyof TDecoded & string>(type: TType, data: unknown): TDecoded[TType];
  decode(type: string, data: unknown): unknown;
  decode(type: string, data: unknown): unknown {
    let contract = this.contractFor(type);
    const violations = contract.violationsOf(data);
    if (violations.length > 0) throw new EventSchemaViolation(type, violations);
    const latest = this.latestOf(type);
    let current = data;
    while (contract.version < latest.version) {
      const next = this.byFamily.get(contract.family)!.get(contract.version + 1);
      if (!next) throw new UpcastChainIsBroken(type, `version ${contract.version + 1} is not registered`);
      if (!contract.upcast) throw new UpcastChainIsBroken(type, `"${contract.type}" declares no upcast`);
      current = contract.upcast(current);
      const upcastViolations = next.violationsOf(current);
      if (upcastViolations.length > 0) throw new UpcastBrokeTheNextContract(contract.type, next.type, upcastViolations);
      contract = next;
    }
    return current;
  }

  /**
   * Decodes a received event's data (as `decode`) and returns the event as its latest version:
   * `type` and `dataschema` name that version, the other attributes are unchanged.
   */
  decodeEvent(event: CloudEvent<unknown>): CloudEvent<unknown> {
    const data = this.decode(event.type, event.data);
    const latest = this.latestOf(event.type);
    return { ...event, type: latest.type, dataschema: latest.dataschema, data };
  }
}
