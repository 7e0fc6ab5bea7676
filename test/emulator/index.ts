/** Discord emulator for end-to-end tests. See README.md in this folder. */
export { startEmulator, DiscordEmulator, Intent } from './emulator.js';
export { messageText } from './messages.js';
export { Permission, DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from './permissions.js';
export { CallbackType, InteractionType } from './interactions.js';
export type { RequestSummary } from './faults.js';
export type * from './types.js';
