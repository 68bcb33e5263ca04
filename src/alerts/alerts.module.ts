import { Module } from '@nestjs/common';
import { AlertReviewService } from './alert-review.service.js';
import { AlertWriter } from './alert-writer.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';

@Module({ controllers: [AlertsController], providers: [AlertsService, AlertReviewService, AlertWriter], exports: [AlertWriter, AlertsService] })
export class AlertsModule {}
