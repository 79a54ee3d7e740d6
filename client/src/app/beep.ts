/** Length and pitch of the end-of-time beep. */
const BEEP_MS = 400;
const BEEP_HZ = 880;

let context: AudioContext | null = null;

/**
 * A short sine beep through Web Audio: no audio file to fetch, nothing for the CSP to allow.
 * Browsers only start audio after a user gesture, so the sound toggle's click unlocks it.
 */
export function beep(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = BEEP_HZ;
    gain.gain.setValueAtTime(0.2, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + BEEP_MS / 1000);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + BEEP_MS / 1000);
  } catch {
    // No audio device or API: the visual timer is the real signal.
  }
}
