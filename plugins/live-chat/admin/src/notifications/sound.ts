/**
 * The optional notification sound: a short two-note chime synthesised with the Web Audio API, so
 * the plugin ships no audio file. Browsers only let a page make sound after the user interacted
 * with it, so the context is created (or resumed) on the agent's first click or key press.
 */
type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function constructorOf(): AudioContextConstructor | null {
  const scope = window as unknown as { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor };
  return scope.AudioContext ?? scope.webkitAudioContext ?? null;
}

function audio(): AudioContext | null {
  if (context) return context;
  const Constructor = constructorOf();
  if (!Constructor) return null;
  try {
    context = new Constructor();
  } catch {
    return null; // too many contexts or no audio device: notify without sound
  }
  return context;
}

/** Unlocks audio; call from a user gesture. */
export function primeAudio(): void {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
}

/** Plays the chime; false when this browser cannot play it. */
export function playChime(): boolean {
  const ctx = audio();
  if (!ctx) return false;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.01;
  // A rising fifth (A5 → E6), each note with a quick attack and a soft exponential decay.
  [880, 1318.51].forEach((frequency, index) => {
    const at = start + index * 0.12;
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(frequency, at);
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.3);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.32);
  });
  return true;
}

/**
 * Plays the chime in one of the agent's open inbox tabs only: every tab receives the notification,
 * and the first to take the Web Lock named after it plays; the others find it taken and stay quiet.
 * Browsers without Web Locks chime in every tab.
 */
export function playChimeOnce(key: string): void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) {
    playChime();
    return;
  }
  void locks
    .request(`live-chat:chime:${key}`, { ifAvailable: true }, async (lock) => {
      if (!lock) return;
      playChime();
      // Held a moment, so a tab that receives the same notification a little later finds it taken.
      await new Promise((resolve) => setTimeout(resolve, 1500));
    })
    .catch(() => undefined);
}
