import { CoreConfig } from '@haven/common';

export class DirectoryConfig extends CoreConfig {}
