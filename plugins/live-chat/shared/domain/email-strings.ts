/**
 * E5: the words of the plugin's emails, in the widget's six languages. English defines the keys;
 * every other language must give all of them (a missing key is a type error).
 */
export const EMAIL_LANGUAGES = ['en', 'tr', 'id', 'it', 'sv', 'es'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

const en = {
  transcriptSubject: 'Your chat transcript',
  transcriptIntro: 'Here is a copy of your chat with us.',
  followUpSubject: 'You have a new reply',
  followUpIntro: 'We replied while you were away:',
  followUpAction: 'Continue the chat',
  followUpLinkNote: 'This link works for 7 days.',
  missedSubject: 'Missed chat from {name}',
  missedIntro: 'Nobody answered {name} ({email}) in time. The chat so far:',
  you: 'You',
  agent: 'Agent',
  assistant: 'Assistant',
  visitor: 'Visitor',
  file: 'File: {name}',
  footer: 'Sent by the live chat of this website.',
};

export type EmailStringKey = keyof typeof en;
export type EmailStrings = Readonly<Record<EmailStringKey, string>>;

const tr: EmailStrings = {
  transcriptSubject: 'Sohbet dökümünüz',
  transcriptIntro: 'Bizimle yaptığınız sohbetin bir kopyası aşağıdadır.',
  followUpSubject: 'Yeni bir yanıtınız var',
  followUpIntro: 'Siz yokken yanıt verdik:',
  followUpAction: 'Sohbete devam et',
  followUpLinkNote: 'Bu bağlantı 7 gün geçerlidir.',
  missedSubject: '{name} kişisinden kaçırılan sohbet',
  missedIntro: '{name} ({email}) zamanında yanıt alamadı. Şimdiye kadarki sohbet:',
  you: 'Siz',
  agent: 'Temsilci',
  assistant: 'Asistan',
  visitor: 'Ziyaretçi',
  file: 'Dosya: {name}',
  footer: 'Bu web sitesinin canlı sohbetinden gönderildi.',
};

const id: EmailStrings = {
  transcriptSubject: 'Transkrip obrolan Anda',
  transcriptIntro: 'Berikut salinan obrolan Anda dengan kami.',
  followUpSubject: 'Anda mendapat balasan baru',
  followUpIntro: 'Kami membalas saat Anda pergi:',
  followUpAction: 'Lanjutkan obrolan',
  followUpLinkNote: 'Tautan ini berlaku selama 7 hari.',
  missedSubject: 'Obrolan terlewat dari {name}',
  missedIntro: 'Tidak ada yang menjawab {name} ({email}) tepat waktu. Obrolan sejauh ini:',
  you: 'Anda',
  agent: 'Agen',
  assistant: 'Asisten',
  visitor: 'Pengunjung',
  file: 'Berkas: {name}',
  footer: 'Dikirim oleh obrolan langsung situs web ini.',
};

const it: EmailStrings = {
  transcriptSubject: 'La trascrizione della tua chat',
  transcriptIntro: 'Ecco una copia della tua chat con noi.',
  followUpSubject: 'Hai una nuova risposta',
  followUpIntro: 'Ti abbiamo risposto mentre eri assente:',
  followUpAction: 'Continua la chat',
  followUpLinkNote: 'Questo link è valido per 7 giorni.',
  missedSubject: 'Chat persa da {name}',
  missedIntro: 'Nessuno ha risposto a {name} ({email}) in tempo. La chat finora:',
  you: 'Tu',
  agent: 'Operatore',
  assistant: 'Assistente',
  visitor: 'Visitatore',
  file: 'File: {name}',
  footer: 'Inviato dalla chat dal vivo di questo sito web.',
};

const sv: EmailStrings = {
  transcriptSubject: 'Utskrift av din chatt',
  transcriptIntro: 'Här är en kopia av din chatt med oss.',
  followUpSubject: 'Du har fått ett nytt svar',
  followUpIntro: 'Vi svarade medan du var borta:',
  followUpAction: 'Fortsätt chatten',
  followUpLinkNote: 'Länken gäller i 7 dagar.',
  missedSubject: 'Missad chatt från {name}',
  missedIntro: 'Ingen svarade {name} ({email}) i tid. Chatten hittills:',
  you: 'Du',
  agent: 'Agent',
  assistant: 'Assistent',
  visitor: 'Besökare',
  file: 'Fil: {name}',
  footer: 'Skickat av livechatten på den här webbplatsen.',
};

const es: EmailStrings = {
  transcriptSubject: 'La transcripción de tu chat',
  transcriptIntro: 'Aquí tienes una copia de tu chat con nosotros.',
  followUpSubject: 'Tienes una nueva respuesta',
  followUpIntro: 'Te respondimos mientras no estabas:',
  followUpAction: 'Continuar el chat',
  followUpLinkNote: 'Este enlace es válido durante 7 días.',
  missedSubject: 'Chat perdido de {name}',
  missedIntro: 'Nadie respondió a {name} ({email}) a tiempo. El chat hasta ahora:',
  you: 'Tú',
  agent: 'Agente',
  assistant: 'Asistente',
  visitor: 'Visitante',
  file: 'Archivo: {name}',
  footer: 'Enviado por el chat en vivo de este sitio web.',
};

export const EMAIL_STRINGS: Readonly<Record<EmailLanguage, EmailStrings>> = { en, tr, id, it, sv, es };

/** The email language for a stored language tag ("sv-SE" → sv); English when it is not one of ours. */
export function emailLanguageOf(tag: string | null | undefined): EmailLanguage {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (EMAIL_LANGUAGES as readonly string[]).includes(primary) ? (primary as EmailLanguage) : 'en';
}
