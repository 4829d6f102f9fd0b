import { Module } from '@nestjs/common';
import { ProjectionsModule } from '../projections/index.js';
import { ReferenceModule } from '../reference/reference.module.js';
import { GetParcoursHandler } from './get-parcours.query.js';
import { ParcoursAccessFacts } from './parcours-access-facts.js';
import { ParcoursController } from './parcours.controller.js';
import { parcoursProjection } from './parcours.projection.js';
import { PersonHistory } from './person-history.js';
import { ProgrammeCanvases } from './programme-canvases.js';
import { ParcoursReplay } from './replay.query.js';

/** The parcours read side: its projection, GET /persons/:id/parcours and /replay. */
@Module({
  imports: [ReferenceModule, ProjectionsModule.forFeature([parcoursProjection])],
  controllers: [ParcoursController],
  providers: [PersonHistory, ProgrammeCanvases, ParcoursReplay, GetParcoursHandler, ParcoursAccessFacts],
})
export class ParcoursModule {}
