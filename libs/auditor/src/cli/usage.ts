export const USAGE = `audit: verify the provenance log independently

  audit verify --trust-roots <file> <source> [--verifier-key <vkey>] [--state <file>] [--no-signatures | --tree-only]
    <source> is one of
      --file <export file>
      --api <url> --key <auditor key file> [--timeout <seconds>]
      --kafka <brokers> [--topic <topic>] [--kafka-wait <seconds>]
              (--api <url> --key <file> [--timeout <seconds>] | --checkpoint <signed note file>)
    Replays the whole log: recomputes every leaf and the tree, checks the checkpoint's signature and its
    consistency with the last checkpoint verified (kept in --state, default ~/.wildlife-audit/state.json),
    re-verifies every record's signature and the official-source chain behind it.
    --api <url>       the provenance API, a path prefix included (http://gw.example/provenance)
    --timeout         how long one API call may take (default 30)
    --kafka-wait      how long, in all, to wait for the topic to catch up with the checkpoint (default 60)
    --checkpoint      a signed checkpoint note; give --verifier-key too unless the log's key is pinned
    --no-signatures   skip the Ed25519 re-verification of records (keys, sources and classifications are still checked)
    --tree-only       check the tree and the checkpoints only

  audit export --api <url> --key <auditor key file> --out <file> [--verifier-key <vkey>] [--timeout <seconds>]
    Writes the log up to its latest checkpoint, with that checkpoint, to a file for an offline audit.

Exit status: 0 verified (or exported); 1 the log failed the audit (the first bad entry is named; for
export: the API served fewer entries than its checkpoint covers); 2 invalid command line; 3 the audit
could not run (a source, the trust roots, the key or the state file could not be read or locked, the
log topic stayed behind the checkpoint).
`;
