import { Module } from '@nestjs/common';
import { RecordSearchController } from './record-search.controller.js';
import { recordsController } from './records.controller-factory.js';
import { RecordsService } from './records.service.js';

export const MissingReportsController = recordsController('missing_report', 'missing-reports', 'missing-reports');
export const SuspectedVictimsController = recordsController('suspected_victim', 'suspected-victims', 'suspected-victims');

@Module({
  controllers: [RecordSearchController, MissingReportsController, SuspectedVictimsController],
  providers: [RecordsService],
  exports: [RecordsService],
})
export class RecordsModule {}
