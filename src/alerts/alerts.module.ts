import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AlertReviewService } from './alert-review.service.js';
import { AlertWriter } from './alert-writer.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';

@Module({ imports: [AuthModule], controllers: [AlertsController], providers: [AlertsService, AlertReviewService, AlertWriter], exports: [AlertWriter, AlertsService] })
export class AlertsModule {}
