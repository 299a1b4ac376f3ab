import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const MAX = Number.MAX_SAFE_INTEGER;

/** A natural number below 2^53 given in the query string. */
function TreePosition(description: string): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description, minimum: 0, type: Number })(target, key);
    Type(() => Number)(target, key);
    IsInt()(target, key);
    Min(0)(target, key);
    Max(MAX)(target, key);
  };
}

export class EntriesQuery {
  @TreePosition('First sequence (inclusive)')
  start!: number;

  @TreePosition('Last sequence (exclusive); at most the tree size')
  end!: number;
}

export class InclusionQuery {
  @TreePosition('The leaf index (entry sequence)')
  index!: number;

  @TreePosition('The tree size the proof is for (a checkpoint’s size)')
  treeSize!: number;
}

export class ConsistencyQuery {
  @TreePosition('The earlier tree size (at least 1)')
  first!: number;

  @TreePosition('The later tree size')
  second!: number;
}
