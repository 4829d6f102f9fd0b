import { Module } from '@nestjs/common';
import { RecordPersonEventsHandler } from './commands/record-person-events.command.js';
import { RegisterPersonHandler } from './commands/register-person.command.js';
import { PersonsController } from './persons.controller.js';
import { GetPersonEventsHandler } from './queries/get-person-events.query.js';

@Module({
  controllers: [PersonsController],
  providers: [RegisterPersonHandler, RecordPersonEventsHandler, GetPersonEventsHandler],
})
export class PersonsModule {}
