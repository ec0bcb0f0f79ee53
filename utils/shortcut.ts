/** The keyboard shortcut that cycles the language shown (manifest `commands`), as the switch and popup name it. */
export const CYCLE_SHORTCUT = 'Alt+Shift+L';
