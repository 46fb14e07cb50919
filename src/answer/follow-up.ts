// Recognises follow-up questions ("en wat zegt actie 45 daarover?", "geef een voorbeeld") that lean on the previous turn.
import { tokenize } from '../search/text.js';

const REFERRING = /\b(daarover|daarvan|daarbij|daarmee|hierover|hiervan|hierbij|erover|ervan|erbij|dat|die|dit|deze|het vorige|zo'n|zulke|voorbeeld|voorbeelden|meer|verder|ook|nog)\b/i;
const OPENING = /^\s*(en|maar|ook|of|dus|waarom|hoe dan|geef|toon|vertel)\b/i;

/** A short question that refers back, or has too few words of its own to stand alone. */
export function isFollowUp(question: string): boolean {
  const words = question.trim().split(/\s+/).length;
  if (words > 16) return false;
  return OPENING.test(question) || REFERRING.test(question) || tokenize(question).length <= 1;
}
