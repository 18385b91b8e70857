import { CoreConfig } from '@haven/common';

export class BookingConfig extends CoreConfig {}
