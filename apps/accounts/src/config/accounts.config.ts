import { CoreConfig } from '@haven/common';

export class AccountsConfig extends CoreConfig {}
