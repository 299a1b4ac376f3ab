/** The text of `wildlife --help`. */
export const USAGE = `Usage: wildlife <command> [options]

Sign requests to the wildlife-cybercrime services with your Ed25519 key (RFC 9421).

Commands:
  keygen --principal <id> [--key-id <id>] --out <file>
      Generate a key pair, write it to <file> (mode 0600, never overwritten) and print
      the public key to give to your NCB: {"keyId","publicKey"}.
  pubkey <keyfile>
      Print the public key of a key file in the registry's form: {"keyId","publicKey"}.
  sign <METHOD> <URL> --key <file> [--body <file>|-] [--header <name:value>]...
      Print the header fields that sign this request, one "name: value" per line.
      <URL> must be in the form it is signed in: normalised, no #fragment, no lone "?"
      (refused otherwise, naming it).
  request <METHOD> <URL> --key <file> [--body <file>|-] [--header <name:value>]...
      Sign and send the request; print the status line and the answer.
      Exits 1 on an answer outside 2xx; a redirect is not followed.

A body ("-" reads standard input) is sent as application/json unless a content-type
header is given. Exit status: 0 done, 1 failed, 2 invalid command line.
`;
