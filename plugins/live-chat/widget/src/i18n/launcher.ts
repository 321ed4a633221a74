import type { Language } from './languages';

/** The only strings the page-load script needs (the launcher's label); the rest load on first open. */
export const LAUNCHER_STRINGS: Readonly<Record<Language, { open: string; close: string }>> = {
  en: { open: 'Open chat', close: 'Close chat' },
  tr: { open: 'Sohbeti aç', close: 'Sohbeti kapat' },
  id: { open: 'Buka obrolan', close: 'Tutup obrolan' },
  it: { open: 'Apri la chat', close: 'Chiudi la chat' },
  sv: { open: 'Öppna chatten', close: 'Stäng chatten' },
  es: { open: 'Abrir el chat', close: 'Cerrar el chat' },
};
