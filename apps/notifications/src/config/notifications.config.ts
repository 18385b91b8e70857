import { CoreConfig } from '@haven/common';

export class NotificationsConfig extends CoreConfig {}
