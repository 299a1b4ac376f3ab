// The one Kafka version the project runs, read from version.json, and what follows from it: the major
// line decides how storage is formatted (KRaft standalone on 4.x, static voters on 3.x) and which
// logging backend the broker's classpath needs.
import { readFileSync } from 'node:fs';

const pinned = JSON.parse(readFileSync(new URL('./version.json', import.meta.url), 'utf8'));

/** @typedef {{ version: string, major: number, logging: 'log4j2' | 'reload4j', loggingBinding: string }} KafkaDistribution */

/** @returns {KafkaDistribution} */
export function describeDistribution(version = pinned.kafka, logging = pinned.logging, loggingBinding = pinned.loggingBinding) {
  const major = Number.parseInt(version.split('.')[0], 10);
  if (!Number.isInteger(major)) throw new Error(`Kafka version "${version}" does not start with a major number`);
  return { version, major, logging, loggingBinding };
}

export const kafkaDistribution = describeDistribution();
