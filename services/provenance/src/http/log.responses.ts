import { ApiProperty } from '@nestjs/swagger';

const BASE64 = 'standard base64 (RFC 4648 §4, padded)';

export class LogEntryResponse {
  @ApiProperty({ description: 'The entry’s 0-based position: its Merkle leaf index', example: 7 })
  sequence!: number;

  @ApiProperty({ description: `The exact leaf bytes (the entry’s RFC 8785 JSON, UTF-8), ${BASE64}` })
  leafBytes!: string;

  @ApiProperty({ description: `SHA-256(0x00 || leaf bytes), ${BASE64}` })
  leafHash!: string;
}

export class LogEntriesResponse {
  @ApiProperty({
    type: [LogEntryResponse],
    description: 'In sequence order from `start`: the first page of the range, at most 1000 entries and 4 MiB of leaf bytes (always at least one entry, however large)',
  })
  entries!: LogEntryResponse[];

  @ApiProperty({ description: 'Where the next page starts: the sequence after the last entry here; the requested `end` once the range is complete', example: 1000 })
  next!: number;
}

export class InclusionProofResponse {
  @ApiProperty({ example: 7 })
  index!: number;

  @ApiProperty({ example: 12 })
  treeSize!: number;

  @ApiProperty({ description: `The leaf hash at \`index\`, ${BASE64}` })
  leafHash!: string;

  @ApiProperty({ type: [String], description: `RFC 9162 §2.1.3 inclusion path, leaf to root, each hash ${BASE64}` })
  proof!: string[];
}

export class ConsistencyProofResponse {
  @ApiProperty({ example: 5 })
  first!: number;

  @ApiProperty({ example: 12 })
  second!: number;

  @ApiProperty({ type: [String], description: `RFC 9162 §2.1.4 consistency proof, each hash ${BASE64}; empty when the sizes are equal` })
  proof!: string[];
}

export class ProvenEntryResponse extends LogEntryResponse {
  @ApiProperty({ type: [String], description: `Inclusion path in the tree of the response’s \`treeSize\`, ${BASE64}` })
  inclusionProof!: string[];
}

export class RecordProvenanceResponse {
  @ApiProperty({ description: 'The record’s CloudEvent id' })
  recordId!: string;

  @ApiProperty({ description: 'Size of the checkpoint every proof here is against' })
  treeSize!: number;

  @ApiProperty({ description: 'The latest signed checkpoint (C2SP signed note), which the proofs lead to' })
  checkpoint!: string;

  @ApiProperty({ type: [ProvenEntryResponse], description: 'The record’s entries: its classification, then any change of it' })
  entries!: ProvenEntryResponse[];

  @ApiProperty({ type: [ProvenEntryResponse], description: 'Every entry the classification rests on, following `basis` transitively (registrations, accreditations, keys, NCB acknowledgements)' })
  basis!: ProvenEntryResponse[];
}
