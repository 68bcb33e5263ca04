import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller.js';

/** The review console (issue 8): a static single-page application over the API, served at /console. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
