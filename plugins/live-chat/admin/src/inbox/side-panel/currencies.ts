/** Shown first: the currencies of the languages the inbox speaks (E5) and the most traded ones. */
const COMMON = ['EUR', 'USD', 'GBP', 'TRY', 'IDR', 'SEK', 'CHF', 'NOK', 'DKK', 'JPY', 'CAD', 'AUD'];

export interface CurrencyOption {
  code: string;
  label: string;
}

/**
 * Every ISO 4217 code the browser knows (the server checks the same Intl list), named in the
 * admin's language: "EUR · Euro". The stored code is kept even if this browser does not know it.
 */
export function currencyOptions(locale: string, current: string): CurrencyOption[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : COMMON;
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
  } catch {
    names = null; // an unknown locale tag: codes alone are still usable
  }
  const label = (code: string) => {
    const name = names?.of(code);
    return name && name !== code ? `${code} · ${name}` : code;
  };
  const rest = all.filter((code) => !COMMON.includes(code));
  const codes = [...COMMON, ...rest];
  if (current && !codes.includes(current)) codes.unshift(current);
  return codes.map((code) => ({ code, label: label(code) }));
}
