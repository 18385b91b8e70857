import { Module } from '@nestjs/common';
import { AdminUsersController } from './admin-users.controller';
import { AuthController } from './auth.controller';
import { MeController } from './me.controller';

/** Public routes of the accounts service: auth, the signed-in user, user administration and the audit log. */
@Module({ controllers: [AuthController, MeController, AdminUsersController] })
export class AccountsGatewayModule {}
