/**
 * E1, F4: which web pages may run the widget (`LIVE_CHAT_WIDGET_ORIGINS`), one rule for the widget's
 * HTTP routes and the visitor socket's handshake. A request without Origin is not a browser page
 * (it could forge the header anyway) and passes; `*` allows every site.
 */
export function isAllowedWidgetOrigin(allowList: readonly string[], origin: string | undefined): boolean {
  return !origin || allowList.includes('*') || allowList.includes(origin);
}
