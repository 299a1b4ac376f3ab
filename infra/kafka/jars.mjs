// Fetches the broker's jars from Maven Central through Maven and caches them per version. Maven's own
// ~/.m2 avoids re-downloading; the copy under .local/kafka/<version>/libs lets later runs skip Maven
// entirely, which saves the few seconds a JVM start of Maven costs.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { kafkaVersionDir } from '../paths.mjs';

export class MavenCouldNotFetchKafka extends Error {
  constructor(version, output) {
    super(`Maven could not fetch Apache Kafka ${version} and its dependencies:\n${output}`);
    this.name = 'MavenCouldNotFetchKafka';
  }
}

/** A pom whose only purpose is to name the broker and its logging binding as runtime dependencies. */
export function runtimePom({ version, loggingBinding }) {
  const [group, artifact, bindingVersion] = loggingBinding.split(':');
  const dependency = (g, a, v) =>
    `    <dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    '  <groupId>local.infra</groupId><artifactId>kafka-broker-runtime</artifactId><version>0</version>',
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency('org.apache.kafka', 'kafka_2.13', version),
    dependency(group, artifact, bindingVersion),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

function cachedClasspath(versionDir) {
  const listing = join(versionDir, 'classpath.txt');
  if (!existsSync(listing)) return null;
  const jars = readFileSync(listing, 'utf8').split('\n').filter(Boolean).map((name) => join(versionDir, 'libs', name));
  return jars.length > 0 && jars.every((jar) => existsSync(jar)) ? jars : null;
}

/** True when this version's jars are complete under .local/kafka/<version>, so no Maven run is needed. */
export function kafkaJarsAreCached(distribution) {
  return cachedClasspath(kafkaVersionDir(distribution.version)) !== null;
}

/**
 * Returns the absolute paths of every jar the broker needs. Guarantees: Maven runs only when the cache
 * for this version is missing or incomplete; the cache is written to a scratch folder and renamed into
 * place, and `classpath.txt` is written last, so an interrupted fetch is never mistaken for a complete one.
 * @returns {{ jars: string[], fetched: boolean }}
 */
export function ensureKafkaJars(distribution) {
  const versionDir = kafkaVersionDir(distribution.version);
  const cached = cachedClasspath(versionDir);
  if (cached) return { jars: cached, fetched: false };

  mkdirSync(versionDir, { recursive: true });
  const pomFile = join(versionDir, 'pom.xml');
  writeFileSync(pomFile, runtimePom(distribution));
  const scratch = join(versionDir, 'libs.partial');
  rmSync(scratch, { recursive: true, force: true });
  const maven = spawnSync(
    'mvn',
    ['-B', '-q', '-f', pomFile, 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${scratch}`],
    { encoding: 'utf8' },
  );
  if (maven.status !== 0) throw new MavenCouldNotFetchKafka(distribution.version, `${maven.stdout}${maven.stderr}`.trim());

  const libs = join(versionDir, 'libs');
  rmSync(libs, { recursive: true, force: true });
  renameSync(scratch, libs);
  const names = readdirSync(libs).filter((name) => name.endsWith('.jar')).sort();
  writeFileSync(join(versionDir, 'classpath.txt'), `${names.join('\n')}\n`);
  return { jars: names.map((name) => join(libs, name)), fetched: true };
}
