import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EndorsementsModule } from './endorsements/endorsements.module.js';
import { RegistryModule } from './registry/registry.module.js';

@Module({
  imports: [CqrsModule.forRoot(), EndorsementsModule, RegistryModule],
})
export class NcbEndorsementModule {}
