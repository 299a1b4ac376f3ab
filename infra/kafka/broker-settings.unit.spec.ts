import { describe, it, expect } from '@jest/globals';
import { brokerPorts, localBrokers, newClusterId } from './broker.mjs';
import { parseBrokerList } from './probe.mjs';
import { runtimePom } from './jars.mjs';
import { describeDistribution } from './distribution.mjs';

describe('broker ports', () => {
  it('defaults to 9092 with the controller one port above', () => {
    expect(brokerPorts({})).toEqual({ port: 9092, controllerPort: 9093 });
    expect(localBrokers({})).toEqual(['127.0.0.1:9092']);
  });

  it('takes KAFKA_PORT and moves the controller along unless KAFKA_CONTROLLER_PORT says otherwise', () => {
    expect(brokerPorts({ KAFKA_PORT: '19092' })).toEqual({ port: 19092, controllerPort: 19093 });
    expect(brokerPorts({ KAFKA_PORT: '19092', KAFKA_CONTROLLER_PORT: '29093' })).toEqual({ port: 19092, controllerPort: 29093 });
  });
});

describe('parseBrokerList', () => {
  it('splits a KAFKA_BROKERS list and drops blanks', () => {
    expect(parseBrokerList(' a:9092, b:9092 ,')).toEqual(['a:9092', 'b:9092']);
  });
});

describe('newClusterId', () => {
  it('is 22 URL-safe base64 characters that never start with a dash', () => {
    const ids = Array.from({ length: 200 }, () => newClusterId());

    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('runtimePom', () => {
  it('names the broker at the pinned version and the logging binding as dependencies', () => {
    const pom = runtimePom(describeDistribution('4.4.0', 'log4j2', 'org.apache.logging.log4j:log4j-slf4j-impl:2.25.5'));

    expect(pom).toContain('<groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId><version>4.4.0</version>');
    expect(pom).toContain('<groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>2.25.5</version>');
  });
});

describe('describeDistribution', () => {
  it('reads the major line from the version', () => {
    expect(describeDistribution('3.9.2', 'reload4j', 'org.slf4j:slf4j-reload4j:1.7.36').major).toBe(3);
  });

  it('refuses a version without a major number', () => {
    expect(() => describeDistribution('latest', 'log4j2', 'x:y:z')).toThrow('does not start with a major number');
  });
});
