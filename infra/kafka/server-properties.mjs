// Generates the broker's server.properties. Pure: same input, same text, so it is unit-tested and the
// file on disk is rewritten on every start (edits belong here, not in .local/).

/**
 * @typedef {object} BrokerSettings
 * @property {number} major          Kafka major version: 4 bootstraps the quorum dynamically, 3 lists static voters
 * @property {string} host           address both listeners bind and advertise
 * @property {number} port           client listener
 * @property {number} controllerPort KRaft controller listener
 * @property {string} dataDir        absolute log.dirs
 */

/**
 * A single combined broker+controller sized for a 2-core machine shared with other work: one
 * partition by default, replication factor 1 for every internal topic, few threads, no rebalance delay
 * (tests join groups constantly), a short broker session so a restart after a crash is quick, and
 * retention of a day so data does not pile up.
 * @param {BrokerSettings} settings
 * @returns {string}
 */
export function serverProperties({ major, host, port, controllerPort, dataDir }) {
  const quorum =
    major >= 4
      ? { 'controller.quorum.bootstrap.servers': `${host}:${controllerPort}` }
      : { 'controller.quorum.voters': `1@${host}:${controllerPort}` };
  const shareCoordinator =
    major >= 4
      ? { 'share.coordinator.state.topic.replication.factor': 1, 'share.coordinator.state.topic.min.isr': 1 }
      : {};
  const entries = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    ...quorum,
    listeners: `PLAINTEXT://${host}:${port},CONTROLLER://${host}:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://${host}:${port}`,
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'log.dirs': dataDir,
    'num.partitions': 1,
    'default.replication.factor': 1,
    'min.insync.replicas': 1,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'transaction.state.log.num.partitions': 5,
    ...shareCoordinator,
    'group.initial.rebalance.delay.ms': 0,
    // After a SIGKILL the restarted broker cannot register until the dead one's session expires
    // (DUPLICATE_BROKER_REGISTRATION); the default 9 s session made every crash test wait that long.
    'broker.heartbeat.interval.ms': 1_000,
    'broker.session.timeout.ms': 4_000,
    'auto.create.topics.enable': true,
    'delete.topic.enable': true,
    'num.network.threads': 2,
    'num.io.threads': 4,
    'num.recovery.threads.per.data.dir': 1,
    'log.retention.hours': 24,
    'log.retention.bytes': 256 * 1024 * 1024,
    'log.segment.bytes': 64 * 1024 * 1024,
    'log.retention.check.interval.ms': 60_000,
  };
  return `${Object.entries(entries)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}
