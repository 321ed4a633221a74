/** Public routes for the visitor widget (no admin or API session; visitors prove themselves by token). */
export const widgetRoutes = [
  { method: 'POST', path: '/widget/session', handler: 'widget.session', config: { auth: false, policies: [] } },
  { method: 'POST', path: '/widget/flow', handler: 'widget.flow', config: { auth: false, policies: [] } },
  // G4: a file into the visitor's own conversation (multipart; size checked before the body is read).
  { method: 'POST', path: '/widget/attachments', handler: 'widget.attachment', config: { auth: false, policies: [] } },
  // G8: the transcript by email, and a follow-up email's link exchanged for a session.
  { method: 'POST', path: '/widget/transcript', handler: 'widget.transcript', config: { auth: false, policies: [] } },
  { method: 'POST', path: '/widget/resume', handler: 'widget.resume', config: { auth: false, policies: [] } },
];
