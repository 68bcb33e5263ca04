import { Module } from '@nestjs/common';
import { AlertWriter } from './alert-writer.service.js';
import { AlertsController } from './alerts.controller.js';
import { AlertsService } from './alerts.service.js';

@Module({ controllers: [AlertsController], providers: [AlertsService, AlertWriter], exports: [AlertWriter, AlertsService] })
export class AlertsModule {}
