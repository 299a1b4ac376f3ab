export const USAGE = `audit: verify the provenance log independently

  audit verify --trust-roots <file> <source> [--verifier-key <vkey>] [--state <file>] [--no-signatures | --tree-only]
    <source> is one of
      --file <export file>
      --api <url> --key <auditor key file>
      --kafka <brokers> [--topic <topic>] (--api <url> --key <file> | --checkpoint <signed note file>)
    Replays the whole log: recomputes every leaf and the tree, checks the checkpoint's signature and its
    consistency with the last checkpoint verified (kept in --state, default ~/.wildlife-audit/state.json),
    re-verifies every record's signature and the official-source chain behind it.
    --no-signatures  skip the Ed25519 re-verification of records (keys, sources and classifications are still checked)
    --tree-only      check the tree and the checkpoints only

  audit export --api <url> --key <auditor key file> --out <file> [--verifier-key <vkey>]
    Writes the log up to its latest checkpoint, with that checkpoint, to a file for an offline audit.

Exit status: 0 verified; 1 the log failed the audit (the first bad entry is named); 2 invalid command
line; 3 the audit could not run (a source or file could not be read).
`;
