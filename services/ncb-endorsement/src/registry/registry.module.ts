import { Module } from '@nestjs/common';
import { AccreditAgencyController } from './commands/accredit-agency/accredit-agency.http.controller.js';
import { IssueRegistryCommandHandler } from './commands/issue-registry-command.handler.js';
import { RegisterAgencyController } from './commands/register-agency/register-agency.http.controller.js';
import { RegisterAuditorController } from './commands/register-auditor/register-auditor.http.controller.js';
import { RegisterExternalSourceController } from './commands/register-external-source/register-external-source.http.controller.js';
import { ReinstateAccreditationController } from './commands/reinstate-accreditation/reinstate-accreditation.http.controller.js';
import { RevokeAccreditationController } from './commands/revoke-accreditation/revoke-accreditation.http.controller.js';
import { RevokeKeyController } from './commands/revoke-key/revoke-key.http.controller.js';
import { RotateKeyController } from './commands/rotate-key/rotate-key.http.controller.js';
import { SuspendAccreditationController } from './commands/suspend-accreditation/suspend-accreditation.http.controller.js';
import { GetPrincipalController } from './queries/get-principal/get-principal.http.controller.js';
import { RegistryStream } from './stream/registry-stream.js';

/**
 * The principal registry's commands (issue 4): NCBs register and accredit their agencies and manage
 * their keys, the GS registers external sources and auditors; each a signed call decided by
 * `@wildlife/registry` on the `registry` stream and published on wildlife.registry.events, from
 * which every service (this one included) keeps its own projection. Needs CqrsModule.forRoot() in
 * the root module.
 */
@Module({
  controllers: [
    RegisterAgencyController,
    AccreditAgencyController,
    SuspendAccreditationController,
    ReinstateAccreditationController,
    RevokeAccreditationController,
    RotateKeyController,
    RevokeKeyController,
    RegisterExternalSourceController,
    RegisterAuditorController,
    GetPrincipalController,
  ],
  providers: [RegistryStream, IssueRegistryCommandHandler],
})
export class RegistryModule {}
