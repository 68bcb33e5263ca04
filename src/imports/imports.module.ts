import { Module } from '@nestjs/common';
import { RecordsModule } from '../records/records.module.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';

@Module({ imports: [RecordsModule], controllers: [ImportsController], providers: [ImportsService] })
export class ImportsModule {}
