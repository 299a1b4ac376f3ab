// Checks for the two programs the Kafka broker needs on this machine, so a missing one fails with one
// line that says what to install instead of a spawn ENOENT deep inside the launcher.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const installHint = 'install it with: apt-get install -y openjdk-17-jre-headless maven';

export class RequiredProgramIsMissing extends Error {
  constructor(program) {
    super(`${program} is missing (not found on PATH); ${installHint}`);
    this.name = 'RequiredProgramIsMissing';
    this.program = program;
  }
}

/** The java binary to run: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` from PATH. */
export function javaBinary(env = process.env) {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

function answers(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return !result.error && result.status === 0;
}

/** Throws RequiredProgramIsMissing naming Java when it cannot be run. */
export function requireJava() {
  if (!answers(javaBinary(), ['-version'])) throw new RequiredProgramIsMissing('Java (java)');
}

/** Throws RequiredProgramIsMissing naming Maven when it cannot be run. */
export function requireMaven() {
  if (!answers('mvn', ['-v'])) throw new RequiredProgramIsMissing('Maven (mvn)');
}
