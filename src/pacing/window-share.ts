/**
 * One window of a bucket shared with others, as the bucket model keeps it, and the arithmetic of this
 * client's share of it: the even-rate sample of its first part, others' expected use, and when this
 * client's next request may go beside them. Pure functions of the window and the local time.
 * docs/pacing.md gives the reasoning behind each rule.
 */
import type { RateLimit } from '../errors/classes.js';

/** The heuristics' numbers: docs/pacing.md says why each is what it is, from the simulation in bench/pacing-tuning.ts. */
export interface PacingTuning {
  /** The window's sample, as a share of it: this client sends at the window's even rate, and reads others' rate over at least this much. */
  sampleShare: number;
  /** In the sample, this share of the limit may go at once. */
  sampleBurstShare: number;
  /** Processes that learned the same window end learn the next one spread over this share of a window. */
  learnJitterShare: number;
}

export const PACING_TUNING: Readonly<PacingTuning> = { sampleShare: 0.1, sampleBurstShare: 0.2, learnJitterShare: 0.05 };

/** The window Okta last reported, placed on the local clock, and what the client saw of it. */
export interface Window {
  rateLimit: RateLimit;
  /** The reset header in local time, by the server clock estimate: the window has surely ended then. */
  resetLocalMs: number;
  /** When the window ends, in local time, as early as it surely does (docs/pacing.md, "Where a window ends"). */
  endLocalMs: number;
  /** When it began, in local time, as well as the client can tell (when it first heard of it, at the latest). */
  startLocalMs: number;
  /** This client's requests counted in it so far: answered with it, or sent while it was current. */
  ownCounted: number;
  /** What others had used of it at the latest answer: Okta's count (`limit - remaining`) less this client's. */
  othersUsed: number;
  /** Others' use before the client heard of it, when its start is not known: it tells no rate. */
  othersBefore: number;
  /** When the latest answer about it came: others' use is known up to then. */
  heardLocalMs: number;
  /**
   * Whether its first part goes at its even rate, so that others' use shows before this client sends its all:
   * not after a window this client used up alone (no one else was there to leave room for).
   */
  sampled: boolean;
}

/** While the window's sample lasts, when this client's next request keeps to the window's even rate (after a first burst). */
export function sampledUntilMs(window: Window, ownLimit: number, tuning: PacingTuning): number {
  if (!window.sampled) return window.startLocalMs;
  const beyondBurst = window.ownCounted - Math.floor(ownLimit * tuning.sampleBurstShare);
  if (beyondBurst < 0) return window.startLocalMs;
  const span = window.endLocalMs - window.startLocalMs;
  const sampleEnd = window.startLocalMs + span * tuning.sampleShare;
  return Math.min(sampleEnd, window.startLocalMs + (beyondBurst * span) / ownLimit);
}

/**
 * When this client's next request may go beside the others seen in the window (`nowMs` or earlier when
 * none are): `available` is what remains for anyone, `ownLeft` what remains of this client's share.
 */
export function othersHoldUntil(
  window: Window,
  nowMs: number,
  { available, ownLeft, lastSendLocalMs }: { available: number; ownLeft: number; lastSendLocalMs: number },
  tuning: PacingTuning,
): number {
  const othersSeen = window.othersUsed - window.othersBefore;
  const othersRate = othersRatePerMs(window, othersSeen, nowMs, tuning.sampleShare);
  if (othersRate === 0) return nowMs;
  // Okta's count is as of the latest answer: others' use since then, and until the end, is to come. In whole
  // requests, rounded up: a window's last free slot is as likely theirs as this client's.
  const othersExpected = Math.ceil(othersRate * (window.endLocalMs - window.heardLocalMs));
  // Nor more of what remains than this client's part of the window's use so far: others see what it sees,
  // and near the end each would take the last free slots at once.
  const ownPart = available * (window.ownCounted / (window.ownCounted + othersSeen));
  const allowance = Math.min(available - othersExpected, ownLeft, ownPart);
  if (allowance < 1) {
    // What remains is theirs, unless they have gone quiet: without more of their use in sight, their
    // rate falls as the window goes on. Wake when it would let one more go, or at the end.
    const quietAt =
      available > 1 ? window.startLocalMs + (othersSeen * (window.endLocalMs - window.heardLocalMs)) / (available - 1) : window.endLocalMs;
    return quietAt > nowMs && quietAt < window.endLocalMs ? quietAt : window.endLocalMs;
  }
  // This client's part, spread until the end as far as others take the rest: a trickle of theirs
  // barely slows it; processes that all sent at once would draw 429s.
  const othersFraction = Math.min(1, othersExpected / available);
  return Math.max(nowMs, lastSendLocalMs + (othersFraction * (window.endLocalMs - nowMs)) / (allowance + 1));
}

/**
 * When a window of known length heard of now began: no later than now and its inferred end allow, no
 * earlier than a second before its reset does (the reset is rounded up to a second). Where the previous
 * window ended, when it follows that one (others send as soon as a window ends); else the middle.
 */
export function windowStart(
  resetLocalMs: number,
  endLocalMs: number,
  windowMs: number,
  nowMs: number,
  previous: Window | undefined,
): number {
  const latest = Math.min(nowMs, endLocalMs - windowMs);
  const earliest = Math.min(latest, resetLocalMs - windowMs - 1000);
  const followsPrevious = previous !== undefined && resetLocalMs - previous.resetLocalMs <= windowMs + 1000;
  const likely = followsPrevious ? previous.startLocalMs + windowMs : (earliest + latest) / 2;
  return Math.min(latest, Math.max(earliest, likely));
}

/**
 * Others' requests per ms in this window so far, over at least its sample (a few early requests are no
 * flood). Only this window's: others come and go, and the sample keeps this client to the window's even
 * rate until theirs shows.
 */
function othersRatePerMs(window: Window, used: number, nowMs: number, sampleShare: number): number {
  if (used <= 0) return 0;
  const span = window.endLocalMs - window.startLocalMs;
  return used / Math.max(nowMs - window.startLocalMs, span * sampleShare, 1);
}
