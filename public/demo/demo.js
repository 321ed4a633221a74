// The demo page's use of the widget's JavaScript API (docs/widget.md). A file, not an inline
// script: Strapi's Content-Security-Policy allows scripts from 'self' only.
window.LiveChat = window.LiveChat || [];
window.LiveChat.push(function (chat) {
  var log = document.getElementById('demo-events');
  var show = function (text) {
    log.textContent = text;
  };
  chat.on('opened', function () {
    show('Event: opened');
  });
  chat.on('conversation:started', function (payload) {
    show('Event: conversation:started ' + payload.documentId);
  });
  chat.on('message', function (message) {
    show('Event: message from ' + message.author + ': ' + message.body);
  });
  // The pricing page has no buttons; only the home page wires them.
  if (!document.getElementById('demo-open')) return;
  document.getElementById('demo-open').addEventListener('click', function () {
    chat.open();
  });
  document.getElementById('demo-identify').addEventListener('click', function () {
    chat.identify({ name: 'Jane Demo', email: 'jane@example.com' }).then(function () {
      show('Identified as Jane Demo');
    });
  });
});
