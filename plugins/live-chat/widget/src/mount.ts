/** The loader ↔ chat bundle seam (DOM types; kept apart from contract.ts so pure modules stay DOM-free). */
import type { WidgetConfig, WidgetEvent } from './contract';

export interface MountOptions {
  root: ShadowRoot;
  config: WidgetConfig;
  emit: (event: WidgetEvent, payload: unknown) => void;
  /** The panel asks to close (its close button, Escape): the loader closes and refocuses the launcher. */
  requestClose: () => void;
}

export interface ChatController {
  open: () => void;
  close: () => void;
}

/** The module the loader imports on first open. */
export interface ChatModule {
  mount: (options: MountOptions) => ChatController;
}
