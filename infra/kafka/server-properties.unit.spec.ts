import { describe, it, expect } from '@jest/globals';
import { serverProperties } from './server-properties.mjs';

function parse(text: string): Map<string, string> {
  return new Map(text.trim().split('\n').map((line) => line.split('=', 2) as [string, string]));
}

const settings = { host: '127.0.0.1', port: 9092, controllerPort: 9093, dataDir: '/repo/.local/kafka/data' };

describe('serverProperties', () => {
  it('describes one combined broker and controller listening only on the given host', () => {
    const props = parse(serverProperties({ ...settings, major: 4 }));

    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(props.get('log.dirs')).toBe('/repo/.local/kafka/data');
  });

  it('bootstraps the quorum dynamically on Kafka 4 and lists a static voter on Kafka 3', () => {
    const four = parse(serverProperties({ ...settings, major: 4 }));
    const three = parse(serverProperties({ ...settings, major: 3 }));

    expect(four.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:9093');
    expect(four.has('controller.quorum.voters')).toBe(false);
    expect(three.get('controller.quorum.voters')).toBe('1@127.0.0.1:9093');
    expect(three.has('controller.quorum.bootstrap.servers')).toBe(false);
    expect(three.has('share.coordinator.state.topic.replication.factor')).toBe(false);
  });

  it('needs no second replica anywhere and lets consumer groups form without delay', () => {
    const props = parse(serverProperties({ ...settings, major: 4 }));

    for (const key of ['num.partitions', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr']) {
      expect(`${key}=${props.get(key)}`).toBe(`${key}=1`);
    }
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('follows a port change on both listeners', () => {
    const props = parse(serverProperties({ ...settings, major: 4, port: 19092, controllerPort: 19093 }));

    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:19093');
  });
});
