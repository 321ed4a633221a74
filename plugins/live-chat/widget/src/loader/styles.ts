/**
 * The host element's reset and the launcher. `:host` declarations marked !important beat the
 * page's own !important rules (CSS Scoping), so no global page style reaches the widget, and the
 * widget's styles never leave its shadow root. Sizes are in px: a page's rem base must not scale it.
 */
export const LOADER_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;right:20px!important;bottom:20px!important;left:auto!important;top:auto!important;width:56px!important;height:56px!important;margin:0!important;padding:0!important;border:0!important;transform:none!important;filter:none!important;opacity:1!important;visibility:visible!important;z-index:2147483000!important;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif!important;color:#1b1f24!important;letter-spacing:normal!important;text-align:left!important;direction:ltr!important;unicode-bidi:isolate!important}
.launcher{all:unset;box-sizing:border-box;width:56px;height:56px;border-radius:50%;background:#2457c5;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.launcher:hover{background:#1c47a3}
.launcher:focus-visible{outline:3px solid #2457c5;outline-offset:3px}
.launcher svg{width:28px;height:28px;fill:currentColor}
@media (max-width:480px){:host([data-open]) .launcher{display:none}}
`;

/** A chat bubble, and a cross for "close". Inline SVG: no request, no font. */
export const ICON_CHAT =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';
export const ICON_CLOSE =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>';
