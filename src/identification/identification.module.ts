import { Module } from '@nestjs/common';
import { IdentificationController } from './identification.controller.js';
import { IdentificationResultsService } from './identification-results.service.js';
import { SignatureGuard } from './signature.guard.js';

@Module({ controllers: [IdentificationController], providers: [IdentificationResultsService, SignatureGuard] })
export class IdentificationModule {}
