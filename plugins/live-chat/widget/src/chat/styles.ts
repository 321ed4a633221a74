/**
 * The panel's styles, scoped to the widget's shadow root. Sizes in px (a page's rem must not scale it).
 * The phone rules come last: a media query adds no specificity, so they must follow what they override.
 * On phones, inputs are 16px (iOS zooms into anything smaller on focus) and targets 44px. Rows
 * shrink to their text (a short reply is a short bubble). Focus rings are the widget's own blue
 * (white on the blue header and on the visitor's own bubbles).
 */
export const CHAT_CSS = `
*{box-sizing:border-box}
.panel{position:fixed;right:20px;bottom:88px;width:370px;height:min(600px,calc(100vh - 108px));display:flex;flex-direction:column;background:#fff;color:#1b1f24;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.22);overflow:hidden;font:inherit}
.panel[hidden]{display:none}
.head{display:flex;align-items:center;gap:10px;padding:12px 12px 12px 16px;background:#2457c5;color:#fff}
.avatar{flex:none;width:36px;height:36px;border-radius:50%;background:rgba(255,255,255,.2);display:flex;align-items:center;justify-content:center;font-weight:600}
.who{flex:1;min-width:0}
.title{margin:0;font-size:16px;font-weight:600;line-height:1.3;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.status{margin:0;font-size:12px;opacity:.9}
.icon{all:unset;box-sizing:border-box;width:36px;height:36px;border-radius:8px;display:flex;align-items:center;justify-content:center;cursor:pointer;color:inherit}
.icon svg{width:20px;height:20px;fill:currentColor}
.icon:focus-visible,button:focus-visible,textarea:focus-visible,input:focus-visible,.log:focus-visible,a:focus-visible{outline:2px solid #2457c5;outline-offset:2px}
.head .icon:focus-visible{outline-color:#fff}
.me .bubble a:focus-visible{outline-color:#fff}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:8px;background:#f6f7f9}
.row{display:flex;flex-direction:column;max-width:85%;align-self:flex-start}
.row.me{align-self:flex-end;align-items:flex-end}
.bubble{padding:8px 12px;border-radius:14px;background:#fff;border:1px solid #e3e6ea;overflow-wrap:anywhere}
.me .bubble{background:#2457c5;color:#fff;border-color:#2457c5}
.bubble p{margin:0 0 6px}.bubble p:last-child{margin:0}
.bubble ul{margin:4px 0;padding-left:20px}
.bubble img{display:block;max-width:100%;height:auto;border-radius:8px}
.bubble a.file{color:inherit;text-decoration:underline}
.bubble a{color:inherit;text-decoration:underline}
.author{font-size:12px;color:#57606a;margin:0 0 2px 4px}
.meta{font-size:11px;color:#57606a;margin-top:2px;display:flex;gap:6px;align-items:center}
.failed .meta{color:#b42318}
.link{all:unset;cursor:pointer;text-decoration:underline;font-weight:600;color:#b42318}
.system{align-self:center;font-size:12px;color:#57606a;margin:4px 0;text-align:center}
.choices{display:flex;flex-wrap:wrap;gap:6px}
.choice,.primary{font:inherit;border:1px solid #2457c5;background:#fff;color:#2457c5;border-radius:16px;padding:6px 12px;cursor:pointer}
.choice[aria-pressed=true],.primary{background:#2457c5;color:#fff}
.choice:disabled,.primary:disabled{cursor:default;opacity:.6}
.form{display:flex;flex-direction:column;gap:8px;background:#fff;border:1px solid #e3e6ea;border-radius:12px;padding:12px;max-width:100%}
.form fieldset{border:0;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;min-width:0}
.field{display:flex;flex-direction:column;gap:2px}
.field label{font-size:13px;font-weight:600}
.req{font-weight:400;color:#57606a}
.field input,.field textarea{font:inherit;padding:7px 9px;border:1px solid #8c959f;border-radius:6px;width:100%;background:#fff;color:#1b1f24}
.field input[aria-invalid=true]{border-color:#b42318}
.error{font-size:12px;color:#b42318;margin:0}
.stars{display:flex;flex-wrap:wrap;gap:2px}
.stars legend{font-weight:600;margin-bottom:4px;padding:0}
.star{width:44px;height:44px;display:flex;align-items:center;justify-content:center;font-size:30px;color:#8c959f;cursor:pointer}
.star.on{color:#d97706}
.star:focus-within{outline:2px solid #2457c5;outline-offset:-2px}
.typing{margin:0;padding:0 16px;min-height:18px;font-size:12px;color:#57606a;background:#f6f7f9}
.composer{display:flex;gap:8px;padding:10px;border-top:1px solid #e3e6ea;background:#fff}
.composer textarea{flex:1;font:inherit;resize:none;border:1px solid #8c959f;border-radius:8px;padding:8px 10px;height:40px;max-height:120px;color:#1b1f24;background:#fff}
.composer textarea:disabled{background:#f0f1f3}
.send{all:unset;box-sizing:border-box;width:40px;height:40px;border-radius:8px;background:#2457c5;color:#fff;display:flex;align-items:center;justify-content:center;cursor:pointer}
.send:disabled{opacity:.5;cursor:default}
.send svg{width:20px;height:20px;fill:currentColor}
.attach{width:40px;height:40px;flex:none;color:#57606a}
.attach[hidden]{display:none}
.attach svg{fill:none;stroke:currentColor;stroke-width:1.8;stroke-linecap:round}
@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}
.composer textarea,.field input,.field textarea{font-size:16px}
.icon,.send,.attach{width:44px;height:44px}.composer textarea{height:44px}}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
`;
