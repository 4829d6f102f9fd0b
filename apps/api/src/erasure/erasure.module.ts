import { Module } from '@nestjs/common';
import { ErasePersonHandler } from './erase-person.command.js';
import { ErasureCompletion } from './erasure-completion.js';
import { ErasureController } from './erasure.controller.js';
import { PendingErasures } from './pending-erasures.js';

/** DELETE /persons/:id: crypto-shredding of a person (docs/security.md, "Crypto-shredding"). */
@Module({
  controllers: [ErasureController],
  providers: [ErasePersonHandler, ErasureCompletion, PendingErasures],
})
export class ErasureModule {}
