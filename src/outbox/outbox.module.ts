import { Module } from '@nestjs/common';
import { DeliveryWorker } from './delivery-worker.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxService } from './outbox.service.js';

@Module({ controllers: [OutboxController], providers: [OutboxService, DeliveryWorker], exports: [OutboxService] })
export class OutboxModule {}
