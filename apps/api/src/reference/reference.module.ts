import { Module } from '@nestjs/common';
import { ChangeOrganisationHandler } from './organisations/organisation.commands.js';
import { GetOrganisationHandler } from './organisations/organisation.queries.js';
import { OrganisationsController } from './organisations/organisations.controller.js';
import { ChangeProgrammeHandler } from './programmes/programme.commands.js';
import { GetProgrammeHandler } from './programmes/programme.queries.js';
import { ProgrammesController } from './programmes/programmes.controller.js';
import { ReferenceStreamRepository } from './reference-stream.repository.js';
import { ChangeTariffHandler } from './tariffs/tariff.commands.js';
import { GetTariffHandler } from './tariffs/tariff.queries.js';
import { TariffsController } from './tariffs/tariffs.controller.js';

/**
 * Reference data (organisations, programmes, tariffs) behind an admin API. Each item is its own
 * stream, read and written one stream at a time; lists will come from projections.
 */
@Module({
  controllers: [OrganisationsController, ProgrammesController, TariffsController],
  providers: [
    ReferenceStreamRepository,
    ChangeOrganisationHandler,
    GetOrganisationHandler,
    ChangeProgrammeHandler,
    GetProgrammeHandler,
    ChangeTariffHandler,
    GetTariffHandler,
  ],
  exports: [ReferenceStreamRepository],
})
export class ReferenceModule {}
