/** The lazily loaded chat bundle: the loader imports it on first open and calls `mount`. */
import type { ChatModule } from '../mount';
import { mountChat } from './controller';

export const mount: ChatModule['mount'] = mountChat;
