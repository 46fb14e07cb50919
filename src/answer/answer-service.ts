// Answers a question with checked citations: retrieval, refusal decision, model or extractive answer, stored turn.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { CorpusIndex } from '../ingest/corpus-index.js';
import { redactFields } from '../privacy/redact.js';
import { recentTurns, recordTurn, type Turn } from '../repositories/conversations-repository.js';
import { listDocuments } from '../repositories/documents-repository.js';
import { getDocumentPassages, listActions, passagesForActions, type StoredPassage } from '../repositories/passages-repository.js';
import { namedNumbers, spellOutBareNumber, withAskingWordsSpelled, withoutAges } from '../search/query-analysis.js';
import { ROLE_ACTORS, type Role } from '../search/roles.js';
import { ACTORS, THEMES } from '../corpus/tags.js';
import type { SearchHit, SearchService } from '../search/search-service.js';
import { foldText } from '../search/text.js';
import { asksAboutProgress, asksAboutSources, asksAboutTheTool, asksOnlyAboutProgress, asksToExport, describeSources, EXPORT_HELP, EXPORT_HINT, PROGRESS_NOTE, withoutProgress } from './about-actiewijzer.js';
import { buildCitations, buildLabelCitations, checkCitations, citedActions, describeProblem, sentences, type Citation, type CitationSource, type LabelSource } from './citations.js';
import { startDeadline } from './deadline.js';
import { definitionLine } from './definitions.js';
import { joinDutch } from './dutch-list.js';
import { assessEvidence, foldedPassage, isGreeting, isThanks, namesInstrument, type Evidence } from './evidence.js';
import { composeExtractive, quotable } from './extractive.js';
import { asksForOtherActions, isFollowUp, onlyAboutNamed, refersByOrdinal, resolveOrdinal, withoutOtherActions } from './follow-up.js';
import { asksFullText, composeFullText } from './full-text.js';
import type { ChatTurn, LlmClient } from './llm.js';
import { NO_METRICS, type AnswerMetrics } from './metrics.js';
import { missingActionsNote } from './missing-actions.js';
import { asksAboutProtectedCriterion, asksAboutReligiousSign, asksForConditions, asksPositiveActionDetail, asksTheLaw, conditionLines, conditionsItem, criteriaItem, detailItem, groupTurnedTo, isPositiveActionForOtherGroup, isPositiveActionForTargetGroup, isPositiveActionQuestion, lawFraming, LEGAL_DISCLAIMER, LEGAL_DOCUMENT_ID, legalWording, OTHER_LAW, POLICY_NOT_LAW, rankLegalItems, turnsToJob, UNIA_REFERRAL } from './positive-action.js';
import { fillPrompt, type Prompts } from './prompts.js';
import { nextTurn } from './turns.js';
import { asksForSources, composeSourceNotes } from './source-notes.js';
import { createSourceDirectory, withoutLabels, type SourceDirectory } from './sources.js';
import {
  actionAt,
  askedSections,
  asksOnlyWhere,
  asksOverview,
  asksWhere,
  composeOverview,
  composeSectionList,
  listPlace,
  missingSections,
  missingSectionsLine,
  namesSection,
  refersToSection,
  sectionLines,
  withActionAt,
  type ListPlace,
} from './structure-questions.js';
import { actorLines, actorNames, askedActor, askedTheme, asksOnlyWho, asksPerTheme, asksThemeOf, asksWho, carriesTag, composeActorList, composeActorThemeList, composeNarrowedList, composeNoneOfThem, composePerTheme, composeThemeList, narrowingFilter, sectorLine, themeLines, type ActorQuestion } from './tag-questions.js';

export type AnswerMode = 'auto' | 'llm' | 'extractive';

export interface AskInput {
  question: string;
  conversationId?: string | undefined;
  mode?: AnswerMode | undefined;
  role?: Role | undefined;
  signal?: AbortSignal | undefined;
  onStart?: (info: { conversationId: string; mode: 'llm' | 'extractive' }) => void;
  onDelta?: (text: string) => void;
}

export interface AskResult {
  answer: string;
  citations: Citation[];
  mode: 'llm' | 'extractive';
  refused: boolean;
  conversationId: string;
  turnId: number;
  passages: { id: string; action: number | null; score: number }[];
  /** Why the model's answer was replaced, when it was. */
  fallback: string | null;
}

export interface AnswerServiceDeps {
  db: Database;
  search: SearchService;
  corpus: CorpusIndex;
  llm: LlmClient | null;
  prompts: Prompts;
  defaultMode: AnswerMode;
  log: FastifyBaseLogger;
  metrics?: AnswerMetrics;
}

export interface AnswerService {
  ask(input: AskInput): Promise<AskResult>;
}

const PASSAGES_FOR_ANSWER = 6;
// What a question of law on a criterion of the anti-racism law is searched and quoted with, beside its own words.
const DISCRIMINATION = 'discriminatie';
// A question naming more actions than this ("acties 1 t/m 20") is answered for the first ones and says so.
const NAMED_FOR_ANSWER = 10;
const HISTORY_TURNS = 3;
// "de eerste", "de tweede", … walk through one answer's actions over as many turns: read back this far to find it.
const ORDINAL_TURNS = 12;
const POSITIVE_ACTION_CORE = 44;
/** Items of the legal document searched for a positive-action question when retrieval brought none. */
const LEGAL_ITEMS = 2;
// Rewriting a follow-up into a standalone question is a short completion; past this the previous question supplies the topic.
const REWRITE_TIMEOUT_MS = 15_000;

export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const metrics = deps.metrics ?? NO_METRICS;

  const chooseMode = async (requested: AnswerMode): Promise<'llm' | 'extractive'> => {
    if (requested === 'extractive') return 'extractive';
    const status = deps.llm ? await deps.llm.status() : null;
    if (status?.available) return 'llm';
    if (requested === 'auto') return 'extractive';
    if (status?.reason === 'model-missing') {
      throw new AppError('MODEL_NOT_AVAILABLE', `Het taalmodel "${status.model}" is niet geïnstalleerd in Ollama. Installeer het met: ollama pull ${status.model}`);
    }
    throw new AppError('MODEL_NOT_AVAILABLE', 'Ollama is niet bereikbaar, dus een antwoord met taalmodel is nu niet mogelijk. Kies de modus zonder taalmodel of probeer later opnieuw.');
  };

  return {
    async ask(input) {
      const started = performance.now();
      let firstToken: number | null = null;
      const signal = input.signal ?? new AbortController().signal;
      const emit = (text: string) => {
        if (firstToken === null) firstToken = performance.now();
        input.onDelta?.(text);
      };
      await nextTurn();
      const conversationId = input.conversationId ?? randomUUID();
      // The turns further back are read only for a question that counts by place ("en de tweede?"): every other question
      // needs three.
      const depth = refersByOrdinal(input.question) ? ORDINAL_TURNS : HISTORY_TURNS;
      // Turns that asked nothing of the list ("bedankt", "exporteer dat") are no turn a follow-up refers back to: after them
      // "welke daarvan gaan over discriminatie?" still narrows the list before, and "en de tweede?" counts in it.
      const turns = input.conversationId ? (await recentTurns(deps.db.pool, conversationId, depth)).filter((turn) => !askedNothing(turn)) : [];
      const history = turns.slice(-HISTORY_TURNS);
      const counted = ordinalActions(turns);
      // "wat is de laatste actie van de lijst?" is asked as "wat is actie 60?", "welke acites zijn voor vdab" with "acties"
      // spelled right; the turn keeps the user's words.
      const question = await placedQuestion(deps, withAskingWordsSpelled(input.question, deps.corpus.spelling()), turns, counted);
      const actor = askedActor(question);
      // A question about one actor alone, for the actions of one theme or section, or about the list as a whole is answered
      // from the tags and the sections, with or without a model.
      const listing =
        (await whoAfterList(deps, question, history)) ??
        (await narrowedList(deps, question, history)) ??
        (await whereAfterAnswer(deps, question, history)) ??
        (await fullTextListing(deps, question, history, counted)) ??
        (await sourceNotesListing(deps, question, history, counted)) ??
        (await themesListing(deps, question, history, counted)) ??
        (listsTagged(question, history) ? await tagListing(deps, question, actor) : null);
      let mode = listing ? 'extractive' : await chooseMode(input.mode ?? deps.defaultMode);
      input.onStart?.({ conversationId, mode });

      // A greeting or "wat kun je?" asks nothing of the list, in a conversation neither: "bedankt" is no follow-up, so it is
      // neither rewritten (a model call) nor searched. Nor is a question on how to export what Actiewijzer shows, or on who
      // wrote its documents and when.
      const tool = !listing && asksAboutTheTool(question);
      const sources = !listing && asksAboutSources(question);
      const progress = !listing && asksOnlyAboutProgress(question);
      const greeting = !listing && asksNothingOfTheList(question);
      const standalone = listing || greeting
        ? { retrieval: listing?.standalone ?? question, display: question, followUp: false, previousActions: [] }
        : await standaloneQuestion(question, history, counted, mode === 'llm' ? deps.llm : null, deps.prompts, signal, deps.search.repaired);
      // An actor named beside a topic ("wat moet VDAB doen rond taal?") weighs its actions like a user's role does, also when
      // a follow-up ("en rond taal?") takes it from the previous question.
      const topicActor = standalone.followUp ? askedActor(standalone.retrieval) : actor;
      const preferActors = [...(input.role ? ROLE_ACTORS[input.role] : []), ...(topicActor ? [topicActor.actor] : [])];
      // A question of law on one of the anti-racism law's criteria is answered from the actions on discrimination, after the
      // criteria: "mag een uitzendkantoor etnische voorkeuren van klanten volgen?" quoted the list's "etnische kloof".
      const onCriterion = asksAboutProtectedCriterion(question) && !isPositiveActionQuestion(question);
      const searched = onCriterion ? `${standalone.retrieval} ${DISCRIMINATION}` : standalone.retrieval;
      const excluded = standalone.excludedActions ?? [];
      // The actions left out would take places among the first twelve passages: more are fetched to leave twelve for the others.
      const found = listing ? listing.hits : greeting ? [] : await deps.search.search(searched, { k: excluded.length ? 24 : 12, preferActors });
      // Also the findings shared with them: their sentences are cited with whichever action of the group they are about.
      const hits = excluded.length ? found.filter((hit) => !hit.passage.actions.some((action) => excluded.includes(action))) : found;
      await nextTurn();
      const abbreviations = abbreviationPhrases(deps, standalone.retrieval);
      // The field's instruments the question names (EVC, IBO, OKOT; not VDAB), each as its phrases.
      const instruments = abbreviations.filter((entry) => namesInstrument(entry.term, deps.corpus.spelling())).map((entry) => entry.phrases);
      const assessed = assessEvidence(
        standalone.retrieval,
        hits,
        deps.corpus.spelling(),
        deps.corpus.glossary.matchedWords(standalone.retrieval),
        abbreviations.map((entry) => entry.term),
      );
      const evidence: Evidence = greeting ? { ...assessed, inScope: false, reason: tool ? 'tool' : sources ? 'sources' : progress ? 'progress' : 'greeting' } : assessed;
      // A follow-up ("geef een voorbeeld") has no evidence of its own; its previous turn had it. A positive-action question
      // about the target group is answered from the legal framework even when its own words find little.
      // A follow-up to a positive-action question that names a group asks the same of that group.
      const followsPositiveAction = standalone.followUp && isPositiveActionQuestion(standalone.retrieval);
      const turnedTo = followsPositiveAction ? groupTurnedTo(question) : null;
      const otherGroup = !listing && !evidence.injection && (isPositiveActionForOtherGroup(question) || turnedTo === 'other');
      const religion = !listing && asksAboutReligiousSign(question);
      const inScope =
        !otherGroup &&
        !religion &&
        ((listing !== null && !evidence.injection) ||
        evidence.inScope ||
        (!evidence.injection && isPositiveActionForTargetGroup(question)) ||
        // So is a question of law on a criterion of the anti-racism law, which the framework's point on the criteria answers:
        // "mag een sollicitatieformulier naar nationaliteit vragen" was refused, its rare "sollicitatieformulier" unfound.
        (!evidence.injection && onCriterion) ||
        // Not one that asks for other actions: what it finds besides the ones it has must be evidence of its own.
        (standalone.followUp && !excluded.length && !evidence.injection && (history.at(-1)?.refused === false)));

      let answer: string;
      let citations: Citation[] = [];
      let refused = false;
      let fallback: string | null = null;
      let actions: number[] = [];
      // "wat betekent EAD?": the glossary's meaning first, then the answer from the passages.
      const meaning = evidence.injection ? null : definitionLine(question, deps.corpus.glossary);
      if (meaning) emit(`${meaning}\n`);
      const positiveAction =
        isPositiveActionQuestion(question) ||
        (followsPositiveAction && (asksPositiveActionDetail(question) || turnedTo === 'target' || turnsToJob(question)));
      // What the legal items and the extractive sentences are matched against (the search itself used the question as asked).
      const wording = legalWording(standalone.retrieval);
      // A follow-up that asks a detail ("wie keurt dat goed?") is matched by itself: the words of the turns before it
      // ("hoe lang mag dat duren? wat is een positief actieplan") chose the point on how long a plan runs.
      const detail = asksPositiveActionDetail(question) ? question : standalone.retrieval;
      const legal = positiveAction ? await legalPassages(deps, hits, wording, detail) : { pinned: [], conditions: null, lead: null };
      // A question of law on nationality, origin or skin colour is answered first by the legal item naming them as the
      // anti-racism law's criteria: "mag ik bij een sollicitatie naar de nationaliteit vragen?" quoted the list's figures on
      // nationality, and the item (which elaborates Actie 44) was left out as off topic.
      const criteria = onCriterion && !positiveAction ? await criteriaPassage(deps) : null;
      const namedCount = hits.filter((hit) => hit.named).length;
      const missingNote = missingActionsNote(namedNumbers(question), deps.corpus.actionNumbers());
      // The legal items come on top of the usual passages, so they do not push the action list's out.
      const pinned = criteria ? [criteria] : legal.pinned;
      const answerHits = listing
        ? listing.hits
        : await withRequiredActions(deps, positiveAction ? hits : withInstrument(onTopic(deps, hits, abbreviations), instruments), positiveAction, standalone.previousActions, pinned).then((all) =>
            leading(withQuotable(all, Math.max(PASSAGES_FOR_ANSWER, Math.min(namedCount, NAMED_FOR_ANSWER)) + pinned.length), legal.lead),
          );

      if (!inScope) {
        refused = true;
        answer = sources
          ? describeSources(await listDocuments(deps.db.pool))
          : otherGroup
            ? `${OTHER_LAW}\n${UNIA_REFERRAL}`
            : excluded.length && !evidence.injection
              ? noOtherActions(excluded)
              : `${evidence.reason === 'greeting' && isThanks(question) ? 'Graag gedaan. ' : ''}${refusal(evidence, deps.search.rankActions(hits).slice(0, 3).map((entry) => entry.action), missingNote, meaning !== null)}`;
        metrics.refused(otherGroup ? 'other-group' : evidence.reason);
        emit(answer);
      } else {
        // Held by the corpus index since the last ingest: one query fewer per question.
        const existing = deps.corpus.actionNumbers();
        const directory = createSourceDirectory(await listDocuments(deps.db.pool));
        const given = new Set(answerHits.flatMap((hit) => hit.passage.actions));
        // Positive action is governed by Actie 44: an answer that does not quote it gets a line for it at the end.
        const required = requiredActions(positiveAction).filter((n) => given.has(n));
        let text: string | null = listing?.text ?? null;
        let unmatched = false;
        if (listing) emit(listing.text);
        else if (mode === 'llm' && deps.llm) {
          try {
            text = await answerWithModel(deps, deps.llm, standalone.display, history, answerHits, given, existing, signal, emit, metrics, directory.labelOf);
            if (text === null) fallback = 'citation-check';
          } catch (error) {
            if (signal.aborted) throw signal.reason;
            if ((input.mode ?? deps.defaultMode) === 'llm') throw error;
            fallback = error instanceof AppError ? error.code : 'model-error';
            deps.log.warn({ err: error }, 'model failed, answering extractively');
          }
          if (text === null) {
            metrics.fellBack(fallback ?? 'citation-check');
            mode = 'extractive';
          }
        }
        if (text === null) {
          const ranked = deps.search.rankActions(answerHits).map((entry) => entry.action);
          const expand = (question: string, words: readonly string[]) => deps.search.expansions(question, words);
          // The criteria item is quoted whole and first, in its own order, so the sentences come from the other passages.
          const quotable = criteria ? answerHits.filter((hit) => hit.passage.id !== criteria.id) : answerHits;
          // The search's other passages, for a part of the group the question names that the answer's passages do not quote.
          const more = listing ? [] : hits.filter((hit) => !answerHits.some((kept) => kept.passage.id === hit.passage.id));
          // After the criteria, the actions are quoted by what they were searched with too, "discriminatie": "mag een
          // sollicitatieformulier naar nationaliteit vragen" quoted the list's employment targets for people with a non-EU
          // nationality (Actie 1).
          const composed = composeExtractive(criteria ? `${wording} ${DISCRIMINATION}` : wording, quotable, deps.corpus.spelling(), ranked, {
            labelOf: directory.labelOf,
            actionWords: deps.corpus.actionWords(),
            expand,
            fieldTerms: instruments,
            situation: deps.corpus.glossary.situation(wording),
            ...(positiveAction ? { otherDocumentsOnly: lawFraming(standalone.retrieval) } : {}),
            citesActionAfter: required.length > 0,
            notesWhatQuotesLack: !positiveAction && !criteria,
            asked: question,
            more,
          });
          // A passage quoted from beyond them joins the answer's passages: its actions may be cited, and it is listed.
          for (const hit of more) {
            if (!composed.beyond.includes(hit.passage.id)) continue;
            answerHits.push(hit);
            for (const action of hit.passage.actions) given.add(action);
          }
          text = composed.answer;
          // No sentence shares a word with the question ("anonieme sollicitaties" found only "sollicitatietraining"): the
          // opening of the best-ranked action would be quoted as if it answered. A positive-action question has its conditions.
          unmatched = !composed.matched && !positiveAction && !criteria;
          // A positive-action answer states the legal conditions, with their reference, whatever sentences scored best.
          const conditions = legal.conditions;
          if (conditions && answerHits.some((hit) => hit.passage.id === conditions.id)) {
            const lines = conditionLines(conditions, directory.labelOf(conditions), text);
            // Asked for ("welke voorwaarden?"), they come first: the answer led with examples and a definition.
            const [prefix, ...quotes] = text.split('\n');
            text = (asksForConditions(detail) ? [prefix, ...lines, ...quotes] : [text, ...lines]).join('\n');
          }
          if (criteria && answerHits.some((hit) => hit.passage.id === criteria.id)) {
            const [prefix, ...quotes] = text.split('\n');
            text = [prefix, ...conditionLines(criteria, directory.labelOf(criteria), ''), ...quotes].join('\n');
          }
          if (fallback) text = `Het taalmodel kon niet gebruikt worden; dit antwoord is zonder taalmodel samengesteld.\n${text}`;
          if (!unmatched) emit(fallback ? `\n\n${text}` : text);
        }
        answer = await withRequiredCitations(deps, text, required);
        // A who question keeps asking who through its follow-ups ("en voor taal?"), unless one asks where instead. Who
        // approves a plan, or how long it runs, is a point of the framework, not whom the actions address: "wie moet dat
        // goedkeuren?" after a reserved vacancy got the actors of the actions quoted, and so did "hoe lang geldt dat?" after it.
        const where = asksWhere(question);
        const cited = citedActions(answer).filter((n) => existing.has(n) && given.has(n));
        const frameworkDetail = positiveAction && asksPositiveActionDetail(question);
        if (!listing && !unmatched && !frameworkDetail && (asksWho(question) || (asksWho(standalone.retrieval) && !where))) {
          const who = actorLines(cited, deps.corpus.actionActors());
          if (who) {
            answer = `${answer}\n${who}`;
            emit(`\n${who}`);
          }
        }
        if (!listing && !unmatched && where) {
          const lines = sectionLines(cited, await passagesForActions(deps.db.pool, cited));
          if (lines) {
            answer = `${answer}\n${lines}`;
            emit(`\n${lines}`);
          }
        }
        const labels = labelSources(answerHits, directory);
        // Other documents' labels are cited as labels only, never read as action numbers.
        const actionText = withoutLabels(answer, labels.map((source) => source.label));
        actions = citedActions(actionText).filter((n) => existing.has(n) && given.has(n));
        citations = [...buildCitations(actionText, actions, await citationSources(deps, actions, directory)), ...buildLabelCitations(answer, labels)];
        if (unmatched) {
          refused = true;
          citations = [];
          actions = [];
          answer = refusal({ ...evidence, reason: 'weak-evidence' }, deps.search.rankActions(hits).slice(0, 3).map((entry) => entry.action), missingNote, meaning !== null);
          metrics.refused('no-matching-sentence');
          emit(answer);
        } else if (!citations.some((citation) => citation.action !== null)) {
          // The guarantee: an answer that cites no action is not given; say what the list does cover instead.
          refused = true;
          citations = [];
          answer = refusal({ ...evidence, reason: 'weak-evidence' }, [], missingNote, meaning !== null);
          actions = [];
          metrics.refused('no-citation');
        }
      }
      // A refusal keeps the glossary's meaning: "wat betekent EAD?" is still answered in part when no passage uses it.
      if (meaning) answer = `${meaning}\n${answer}`;
      if (!refused) {
        const beyond = namedCount > NAMED_FOR_ANSWER ? `Je vroeg naar ${namedCount} acties; dit antwoord gaat over de eerste ${NAMED_FOR_ANSWER}.` : null;
        answer = [answer, beyond, missingNote].filter((line) => line !== null).join('\n');
      }
      if (positiveAction && !refused) answer = `${answer}\n${LEGAL_DISCLAIMER}`;
      // A question of law at work that is not about positive action, answered from the actions on discrimination (which are
      // policy, not law) or refused ("mag ik als werkgever een hoofddoek verbieden?"), says where to ask what the law allows.
      // Answered from the list alone, it says so first: "is een taaltest bij aanwerving toegestaan?" quoted sentences on
      // screenings for training, which a reader could take for what the law says.
      else if (!evidence.injection && !greeting && asksTheLaw(question)) {
        const fromTheList = !refused && !citations.some((citation) => citation.document === LEGAL_DOCUMENT_ID);
        answer = [answer, ...(fromTheList ? [POLICY_NOT_LAW] : []), UNIA_REFERRAL].join('\n');
      }
      // "exporteer alle acties over taal" is answered with those actions (the export verb is a question word to the search,
      // it was refused as a word the list lacks), and says how to keep them.
      if (!refused && asksToExport(question)) answer = `${answer}\n${EXPORT_HINT}`;
      // "is actie 18 al uitgevoerd?" is answered with what Actie 18 asks, and says that no document follows it up.
      if (!refused && asksAboutProgress(question)) answer = `${answer}\n${PROGRESS_NOTE}`;

      if (signal.aborted) throw signal.reason;
      const turn = await storeTurn(deps, { conversationId, question: input.question, standaloneQuestion: standalone.retrieval, answer, citations, actions, mode, refused });
      metrics.answered(mode, (performance.now() - started) / 1000, firstToken === null ? null : (firstToken - started) / 1000);
      return {
        answer,
        citations,
        mode,
        refused,
        conversationId,
        turnId: turn.id,
        passages: (refused ? hits.slice(0, 5) : answerHits).map((hit) => ({ id: hit.passage.id, action: hit.passage.action, score: hit.score })),
        fallback,
      };
    },
  };
}

interface Standalone {
  /** What retrieval and the refusal decision see. */
  retrieval: string;
  /** What the model is asked to answer. */
  display: string;
  followUp: boolean;
  previousActions: number[];
  /** The previous answer's actions, for a follow-up that asks for others ("welke andere acties?"): not answered again. */
  excludedActions?: number[];
}

/**
 * A question that names an action by its place in the list or a section, with the action's number in its place. Without
 * the list or a section named, "de eerste actie" means the list's only when no earlier answer has actions to count in.
 */
async function placedQuestion(deps: AnswerServiceDeps, question: string, turns: Turn[], counted: readonly number[]): Promise<string> {
  const direct = listPlace(question, { alone: counted.length === 0 });
  // The actions are read only for a question that may name one by its place ("de eerste generatie" does not).
  if (!direct && !(turns.length && listPlace(question, { alone: false, after: { section: null } }))) return question;
  const actions = await listActions(deps.db.pool);
  const place = direct ?? countingOn(question, turns, actions);
  const action = place && actionAt(place, actions);
  return place && action ? withActionAt(question, place, action) : question;
}

/**
 * "en de tweede?", then "en de laatste?", after "wat is de eerste actie van 3.4?" count on in 3.4: the turns before are
 * read back to the one that named the place in full, and each must have been answered with the action at its place.
 */
function countingOn(question: string, turns: readonly Turn[], actions: readonly StoredPassage[]): ListPlace | null {
  const chain: { turn: Turn; place: ListPlace }[] = [];
  for (const turn of [...turns].reverse()) {
    const place = listPlace(turn.question, { alone: true, after: { section: null } });
    if (!place) break;
    chain.unshift({ turn, place });
    if (!place.bare) break;
  }
  const first = chain[0];
  if (!first || first.place.bare) return null;
  const within = { section: first.place.section };
  const answered = chain.every(({ turn, place }) => turn.actions[0] === actionAt(place.bare ? { ...place, ...within } : place, actions));
  return answered ? listPlace(question, { alone: false, after: within }) : null;
}

/** A greeting or thanks, or a question about Actiewijzer itself (exporting, its sources, progress): none about the list. */
function asksNothingOfTheList(question: string): boolean {
  return asksAboutTheTool(question) || asksAboutSources(question) || asksOnlyAboutProgress(question) || isGreeting(question);
}

/** A turn answered without the list: such a question, refused and citing nothing (not a listing that exports some actions). */
const askedNothing = (turn: Turn): boolean => turn.refused && turn.actions.length === 0 && asksNothingOfTheList(turn.question);

/**
 * The actions "de tweede" counts in: the previous answer's, unless that answer was itself about one of an earlier answer's
 * ("wat houdt de eerste in?"), then that earlier answer's. "en de tweede?" after "wat houdt de eerste in?" searched
 * "tweede" and quoted the second generation (Actie 52), since the answer before cited one action only.
 */
function ordinalActions(history: readonly Turn[]): number[] {
  for (let index = history.length - 1; index > 0; index -= 1) {
    const turn = history[index] as Turn;
    if (!refersByOrdinal(turn.question)) return turn.actions;
  }
  return history[0]?.actions ?? [];
}

/**
 * Whether a question leans on the turn before it. After a positive-action question, "hoe lang mag het duren?" or "wie moet
 * het goedkeuren?" asks about the same measure even without a word that points back: it was searched alone and quoted "Te
 * lange trajecten …" (Actie 22).
 */
function continuesFrom(question: string, previous: Turn): boolean {
  return isFollowUp(question) || (asksPositiveActionDetail(question) && isPositiveActionQuestion(previous.standaloneQuestion));
}

async function standaloneQuestion(
  asked: string,
  history: Turn[],
  counted: readonly number[],
  llm: LlmClient | null,
  prompts: Prompts,
  signal: AbortSignal,
  repair: (question: string) => string,
): Promise<Standalone> {
  const previous = history.at(-1);
  // "meer over de tweede" names an action of the previous answer: spelled out, it is searched (and rewritten) as that action.
  const question = (previous && resolveOrdinal(asked, counted)) ?? spellOutBareNumber(asked);
  // Retrieval leaves out the ages the question gives and whether it asks how far actions got (no document says), and
  // repairs the typos that broke a glossary phrase; the model reads the question as asked.
  const retrieval = (text: string) => repair(withoutProgress(withoutAges(text)));
  const named = onlyAboutNamed(question);
  if (!previous || !continuesFrom(question, previous) || named !== null) return { retrieval: retrieval(named ?? question), display: question, followUp: false, previousActions: [] };
  if (llm) {
    const deadline = startDeadline(signal, REWRITE_TIMEOUT_MS);
    try {
      const rewritten = (
        await llm.complete([{ role: 'user', content: fillPrompt(prompts.rewrite, { history: formatHistory(history), question }) }], deadline.signal)
      ).trim();
      if (rewritten && rewritten.length < 500) return { retrieval: retrieval(withoutOtherActions(rewritten)), display: rewritten, followUp: true, ...actionsInPlay(question, history) };
    } catch {
      if (signal.aborted) throw signal.reason;
    } finally {
      deadline.clear();
    }
  }
  // Without a model: the previous question supplies the topic, and its actions stay in play. A question that only asks who
  // adds no topic: "wie moet dat organiseren?" after IBO was searched with "organiseren" and quoted Actie 58's organised
  // transport.
  const own = asksOnlyWho(question) ? '' : `${retrieval(withoutOtherActions(question))} `;
  return { retrieval: `${own}${previous.standaloneQuestion}`, display: question, followUp: true, ...actionsInPlay(question, history) };
}

/**
 * A follow-up keeps the previous answer's actions in play, unless it asks for others: "welke andere acties gaan daarover?"
 * after an answer on EVC quoted the same two actions again. Asked once more ("nog andere acties?"), the actions of every
 * answer since the topic was asked are left out.
 */
function actionsInPlay(question: string, history: readonly Turn[]): Pick<Standalone, 'previousActions' | 'excludedActions'> {
  const previous = history.at(-1);
  if (!asksForOtherActions(question)) return { previousActions: previous?.actions ?? [] };
  const excluded = new Set<number>();
  for (const turn of [...history].reverse()) {
    for (const action of turn.actions) excluded.add(action);
    if (!asksForOtherActions(turn.question)) break;
  }
  return { previousActions: [], excludedActions: [...excluded] };
}

/** An answer composed from the list itself, without a search or a model. */
interface Listing {
  text: string;
  hits: SearchHit[];
  /**
   * What the turn is stored as asking, for the follow-ups after it: "wie moet dat doen?" and "letterlijk?" ask about the
   * previous question's topic, and "en voor werkgevers?" after them should too. The question itself when absent.
   */
  standalone?: string;
}

/**
 * A question about an actor or theme alone, a section, or the list as a whole is listed, unless it follows up another
 * topic: after "wat met diploma-erkenning?", "en voor werkgevers?" asks about diplomas and employers, not for every action
 * of employers.
 */
function listsTagged(question: string, history: Turn[]): boolean {
  const previous = history.at(-1);
  return !previous || !isFollowUp(question) || isListQuestion(previous.question);
}

/** Whether a question is answered with a list of actions from the tags or the sections. */
function isListQuestion(question: string): boolean {
  const actor = askedActor(question);
  return (
    actor?.alone === true || actor?.theme !== undefined || askedTheme(question) !== null || asksPerTheme(question) !== null || narrowingFilter(question) !== null || namesSection(question) || asksOverview(question)
  );
}

/**
 * The actions a question names, or when it names none, those of the previous answer (unless that was a refusal), which
 * is then `answered`.
 */
function askedOrAnswered(question: string, previous: Turn | undefined): { asked: number[]; answered: Turn | null } {
  const named = namedNumbers(question);
  if (named.length) return { asked: named, answered: null };
  return previous && !previous.refused ? { asked: previous.actions, answered: previous } : { asked: [], answered: null };
}

/**
 * "wie moet dat doen?" right after a list answers for the listed actions (whom each addresses), not for a new search on
 * the list's question, which cited three of the eight language actions.
 */
async function whoAfterList(deps: AnswerServiceDeps, question: string, history: Turn[]): Promise<Listing | null> {
  const previous = history.at(-1);
  if (!previous || previous.refused || !asksOnlyWho(question) || !isListQuestion(previous.question)) return null;
  const text = actorLines(previous.actions, deps.corpus.actionActors());
  if (text === null) return null;
  return { text, hits: listedHits(await passagesForActions(deps.db.pool, previous.actions)), standalone: previous.standaloneQuestion };
}

/**
 * "welke daarvan gaan over taal?" after the 15 actions for sectors keeps those of the 15 tagged with language: searched,
 * it found "sectoren" and "taal" anywhere and answered with Actie 19 and a footnote of Actie 45.
 */
async function narrowedList(deps: AnswerServiceDeps, question: string, history: Turn[]): Promise<Listing | null> {
  const previous = history.at(-1);
  const filter = narrowingFilter(question);
  if (!previous || previous.refused || !previous.actions.length || !filter) return null;
  const answered = (await passagesForActions(deps.db.pool, previous.actions)).filter((passage) => passage.kind === 'action');
  const name = 'theme' in filter ? THEMES[filter.theme] : ACTORS[filter.actor];
  const standalone = `${previous.standaloneQuestion} ${name}`;
  const text = composeNarrowedList(filter, answered);
  if (text !== null) return { text, hits: listedHits(answered.filter((passage) => carriesTag(passage, filter))), standalone };
  // None of them: what the whole list has for that tag, as "wat moet VDAB doen?" would have listed it.
  const all = await listActions(deps.db.pool, 'theme' in filter ? { theme: filter.theme } : { actor: filter.actor });
  const instead = composeNoneOfThem(filter, answered.length, all);
  return instead === null ? null : { text: instead, hits: listedHits(all), standalone };
}

/**
 * "in welke sectie staat dat?" after an answer places that answer's actions: searched again with the previous question, it
 * found other passages ("sectie" and "staat" weighed in) and placed one of the three actions the answer had cited.
 */
async function whereAfterAnswer(deps: AnswerServiceDeps, question: string, history: Turn[]): Promise<Listing | null> {
  const previous = history.at(-1);
  if (!previous || previous.refused || !previous.actions.length || !asksOnlyWhere(question)) return null;
  const passages = await passagesForActions(deps.db.pool, previous.actions);
  const text = sectionLines(previous.actions, passages);
  if (text === null) return null;
  return { text, hits: listedHits(passages.filter((passage) => passage.kind === 'action')), standalone: previous.standaloneQuestion };
}

/**
 * "geef de volledige tekst van actie 15" (or "… van de tweede", or "letterlijk?" after an answer): the actions' whole
 * text, with or without a model, which would paraphrase what the mediator wants word for word.
 */
const fullTextListing = (deps: AnswerServiceDeps, question: string, history: Turn[], counted: readonly number[]) =>
  actionsListing(deps, question, history, counted, asksFullText, composeFullText);

/**
 * "welke bronnen gebruikt actie 31?", "voetnoten bij actie 1", or after an answer "waar komt dat vandaan?": the notes of the
 * actions and of their findings, whole. Searched, such questions quoted the actions' text and no source.
 */
const sourceNotesListing = (deps: AnswerServiceDeps, question: string, history: Turn[], counted: readonly number[]) =>
  actionsListing(deps, question, history, counted, asksForSources, composeSourceNotes);

/** "welk thema heeft actie 5?", or after an answer "over welk thema gaat dat?": each action's themes by the tags. */
const themesListing = (deps: AnswerServiceDeps, question: string, history: Turn[], counted: readonly number[]) =>
  actionsListing(deps, question, history, counted, asksThemeOf, (asked, passages) =>
    themeLines(asked.flatMap((number) => passages.filter((passage) => passage.kind === 'action' && passage.action === number))),
  );

/** A request `asks` recognises about named actions, or the previous answer's, answered by `compose` from their passages. */
async function actionsListing(
  deps: AnswerServiceDeps,
  question: string,
  history: Turn[],
  counted: readonly number[],
  asks: (question: string) => boolean,
  compose: (asked: readonly number[], passages: readonly StoredPassage[]) => string | null,
): Promise<Listing | null> {
  const previous = history.at(-1);
  const resolved = (previous && resolveOrdinal(question, counted)) ?? question;
  if (!asks(resolved)) return null;
  const { asked, answered } = askedOrAnswered(resolved, previous);
  const passages = await passagesForActions(deps.db.pool, asked);
  const text = compose(asked, passages);
  if (text === null) return null;
  return { text, hits: listedHits(passages.filter((passage) => passage.kind === 'action')), standalone: answered?.standaloneQuestion ?? resolved };
}

/** A list's passages as the answer's hits: all equal, none found by the search. */
function listedHits(passages: StoredPassage[]): SearchHit[] {
  return passages.map((passage) => ({ passage, score: 1, ftsRank: null, vectorRank: null, similarity: null, named: false }));
}

/** The answer to a question the tags or the sections answer ("wat moet VDAB doen?", "acties in 3.2"), as a list of the actions. */
async function tagListing(deps: AnswerServiceDeps, question: string, actor: ActorQuestion | null): Promise<Listing | null> {
  let actions: StoredPassage[];
  let text: string | null;
  const perTheme = asksPerTheme(question);
  const theme = actor?.alone || perTheme ? null : askedTheme(question);
  if (perTheme) {
    actions = await listActions(deps.db.pool, perTheme.actor ? { actor: perTheme.actor } : {});
    text = composePerTheme(actions, perTheme);
  } else if (actor?.alone) {
    actions = await listActions(deps.db.pool, { actor: actor.actor });
    text = composeActorList(actor.actor, actions, actor.covenant === true, actor.actor === 'sectoren-werkgevers' ? sectorLine(question) : null);
  } else if (actor?.theme) {
    actions = await listActions(deps.db.pool, { actor: actor.actor, theme: actor.theme });
    text = composeActorThemeList(actor.actor, actor.theme, actions, actor.covenant === true);
  } else if (theme) {
    actions = await listActions(deps.db.pool, { theme: theme.theme });
    text = composeThemeList(theme.theme, actions);
  } else if (namesSection(question) || refersToSection(question) || asksOverview(question)) {
    // Only then are all actions read: most questions are none of these.
    actions = await listActions(deps.db.pool);
    const sections = askedSections(question, actions).map((number) => composeSectionList(number, actions));
    const missing = missingSections(question, actions);
    // Where there is no such section, the sections there are: "wat zegt sectie 3.7?" was refused as naming no topic.
    const listed = sections.length ? sections.join('\n') : missing.length || asksOverview(question) ? composeOverview(actions) : null;
    text = listed !== null && missing.length ? `${missingSectionsLine(missing)}\n${listed}` : listed;
  } else {
    return null;
  }
  if (text === null) return null;
  return { text, hits: listedHits(actions) };
}

async function answerWithModel(
  deps: AnswerServiceDeps,
  llm: LlmClient,
  question: string,
  history: Turn[],
  hits: SearchHit[],
  given: Set<number>,
  existing: ReadonlySet<number>,
  signal: AbortSignal,
  emit: (text: string) => void,
  metrics: AnswerMetrics,
  labelOf: SourceDirectory['labelOf'],
): Promise<string | null> {
  const passages = formatPassages(hits, labelOf);
  const allowed = [...given].sort((a, b) => a - b).join(', ') || '(geen)';
  const messages: ChatTurn[] = [
    { role: 'system', content: deps.prompts.system },
    {
      role: 'user',
      content: fillPrompt(deps.prompts.answer, {
        passages,
        allowed,
        history: history.length ? `\nEerdere vragen in dit gesprek:\n${formatHistory(history)}\n` : '',
        question,
      }),
    },
  ];
  let text = '';
  await nextTurn();
  for await (const delta of llm.stream(messages, signal)) {
    text += delta;
    emit(delta);
  }
  const first = checkCitations(text, given, existing);
  if (first.ok) return text.trim();

  metrics.repaired();
  deps.log.warn({ problem: first.problem, cited: first.cited }, 'model answer failed the citation check; repairing');
  const repaired = await llm.complete(
    [
      { role: 'system', content: deps.prompts.system },
      { role: 'user', content: fillPrompt(deps.prompts.repair, { problem: describeProblem(first.problem!), allowed, passages, question }) },
    ],
    signal,
  );
  const second = checkCitations(repaired, given, existing);
  if (second.ok) return repaired.trim();
  deps.log.warn({ problem: second.problem, cited: second.cited }, 'repaired answer failed the citation check; falling back to extractive');
  return null;
}

function formatPassages(hits: SearchHit[], labelOf: SourceDirectory['labelOf']): string {
  return hits
    .map(({ passage }) => {
      // Whom an action addresses (Actiewijzer's tags) lets the model answer "wie moet dat doen?".
      const addressed = passage.actors.length ? `richt zich tot: ${actorNames(passage.actors).join(', ')}` : null;
      const where = [passage.section.number, passage.section.title, passage.heading, addressed].filter(Boolean).join(' · ');
      return `[${labelOf(passage) ?? passageLabel(passage)}] (${where})\n${passage.text}`;
    })
    .join('\n\n');
}

/** The label of an action-list passage; other documents' passages are labelled by the source directory. */
function passageLabel(passage: StoredPassage): string {
  if (passage.kind === 'action' && passage.action !== null) return `Actie ${passage.action}`;
  if (passage.kind === 'action') return passage.label ?? 'Fragment';
  if (passage.kind === 'context') return `Bevindingen bij acties ${compactRange(passage.actions)}`;
  if (passage.kind === 'note') return `Voetnoot${passage.actions.length ? ` bij acties ${compactRange(passage.actions)}` : ''}`;
  return 'Inleiding';
}

function compactRange(numbers: number[]): string {
  if (!numbers.length) return '';
  const sorted = [...numbers].sort((a, b) => a - b);
  const first = sorted[0] as number;
  const last = sorted.at(-1) as number;
  return last - first === sorted.length - 1 && sorted.length > 2 ? `${first}–${last}` : sorted.join(', ');
}

function formatHistory(history: Turn[]): string {
  return history.map((turn) => `Vraag: ${turn.question}\nAntwoord: ${turn.answer.slice(0, 600)}`).join('\n');
}

/**
 * Actions an answer must cite: positive action is governed by Actie 44, also in a follow-up answered as positive action
 * ("en voor vluchtelingen?" after "positieve actie" cited Actie 49 alone).
 */
function requiredActions(positiveAction: boolean): number[] {
  return positiveAction ? [POSITIVE_ACTION_CORE] : [];
}

/** Appends a verbatim line for each required action the answer does not cite yet. */
async function withRequiredCitations(deps: AnswerServiceDeps, answer: string, required: number[]): Promise<string> {
  const missing = required.filter((n) => !citedActions(answer).includes(n));
  if (!missing.length) return answer;
  const sources = await citationSources(deps, missing);
  const lines = missing.flatMap((n) => {
    const first = sources.get(n)?.texts[0];
    const sentence = first ? sentences(first)[0] : undefined;
    return sentence ? [`- Zie ook: “${sentence}” (Actie ${n})`] : [];
  });
  return lines.length ? `${answer}\n${lines.join('\n')}` : answer;
}

/**
 * For a positive-action question, the legal document's items the answer needs: the one stating the conditions, and,
 * when retrieval brought none of the document's items among the answer's passages, those matching the question best.
 */
async function legalPassages(
  deps: AnswerServiceDeps,
  hits: SearchHit[],
  question: string,
  /** The question as asked whose detail decides the leading item (detailItem adds the framework's words itself). */
  detail: string,
): Promise<{ pinned: StoredPassage[]; conditions: StoredPassage | null; lead: StoredPassage | null }> {
  const items = await getDocumentPassages(deps.db.pool, LEGAL_DOCUMENT_ID);
  const conditions = conditionsItem(items);
  const top = hits.slice(0, PASSAGES_FOR_ANSWER);
  const retrieved = top.some((hit) => hit.passage.documentId === LEGAL_DOCUMENT_ID && hit.passage.kind === 'action');
  const ranked = rankLegalItems(question, items, deps.corpus.spelling());
  // Keeping a job for the group is answered by the item on reserving one, which retrieval finds only when the question
  // shares its words ("stage enkel voor vluchtelingen" brought the item listing reserved traineeships as examples instead);
  // recruitment aimed at the group by the item naming "gerichte wervingscampagnes" (a vacancy text brought points 6 and 7);
  // a plan's duration by the item saying how long one runs, its approval by the one saying who approves it, and examples
  // (or an offer only for the group) by the one listing examples.
  const leader = detailItem(detail, items, deps.corpus.spelling());
  const named = leader && !top.some((hit) => hit.passage.id === leader.id) ? [leader] : [];
  const best = retrieved ? named : [...named, ...ranked.slice(0, LEGAL_ITEMS).filter((passage) => !named.includes(passage))];
  const pinned = conditions && !best.some((passage) => passage.id === conditions.id) ? [...best, conditions] : best;
  // That item leads the answer's passages, so it is quoted first: "wie keurt een positief actieplan goed?" quoted the point
  // on reserving a job ("… binnen een goedgekeurd positief actieplan") before the points naming the minister and the FOD.
  // It is among the top hits or pinned (named or best above).
  return { pinned, conditions, lead: leader };
}

/** The legal framework's item naming the anti-racism law's criteria. */
async function criteriaPassage(deps: AnswerServiceDeps): Promise<StoredPassage | null> {
  return criteriaItem(await getDocumentPassages(deps.db.pool, LEGAL_DOCUMENT_ID), deps.corpus.spelling());
}

/**
 * The first hits up to `count` passages that can be quoted. A footnote naming a source stays where the search ranked it but
 * takes no place: "wat doet de commissie diversiteit?" found five footnotes citing the commission's advices first, and
 * with no sentence left to quote it was refused.
 */
function withQuotable(hits: SearchHit[], count: number): SearchHit[] {
  const kept: SearchHit[] = [];
  let quotes = 0;
  for (const hit of hits) {
    if (quotes >= count) break;
    kept.push(hit);
    if (hit.named || quotable(hit.passage)) quotes += 1;
  }
  return kept;
}

/** The hits with `lead` first (found among them or added), as the passage an answer starts from. */
function leading(hits: SearchHit[], lead: StoredPassage | null): SearchHit[] {
  if (!lead) return hits;
  const found = hits.find((hit) => hit.passage.id === lead.id) ?? { passage: lead, score: 0.5, ftsRank: null, vectorRank: null, similarity: null, named: false };
  return [found, ...hits.filter((hit) => hit !== found)];
}

/**
 * A point of a document that elaborates some actions (the legal framework: Actie 44 and 45) belongs in an answer about
 * those actions. Found for a generic word in a question about something else ("ibo voorwaarden", "evc procedure"), it
 * was quoted first, ahead of the IBO and EVC actions. It stays when it names every abbreviation of the field the
 * question names, and it is the best hit or one of its actions is among the answer's. Positive-action questions keep all.
 */
function onTopic(deps: AnswerServiceDeps, hits: SearchHit[], abbreviations: readonly AbbreviationPhrases[]): SearchHit[] {
  const related = deps.corpus.relatedActions();
  const terms = abbreviations.map((entry) => entry.phrases);
  const listed = new Set(
    hits
      .slice(0, PASSAGES_FOR_ANSWER)
      .filter((hit) => !related.has(hit.passage.documentId))
      .flatMap((hit) => hit.passage.actions),
  );
  return hits.filter((hit, index) => {
    const elaborated = related.get(hit.passage.documentId);
    if (!elaborated || hit.named) return true;
    return namesAll(hit.passage, terms) && (index === 0 || elaborated.some((action) => listed.has(action)));
  });
}

/**
 * When none of the passages an answer quotes from names the field's instrument the question names (EVC, IBO, OKOT), the
 * best-ranked hit that does takes the last of their places: "evc procedure voor laaggeschoolde" found footnotes on
 * low-skilled women first and the EVC action (Actie 18) twelfth. Moving every such hit forward cost the held-out set's
 * share of gold actions cited (76.2% → 75.3%).
 */
function withInstrument(hits: SearchHit[], instruments: readonly (readonly string[])[]): SearchHit[] {
  if (!instruments.length) return hits;
  const names = (hit: SearchHit) => namesAll(hit.passage, instruments);
  if (hits.slice(0, PASSAGES_FOR_ANSWER).some(names)) return hits;
  const first = hits.find(names);
  if (!first) return hits;
  const rest = hits.filter((hit) => hit !== first);
  return [...rest.slice(0, PASSAGES_FOR_ANSWER - 1), first, ...rest.slice(PASSAGES_FOR_ANSWER - 1)];
}

/** Whether a passage names each of the terms, each given as its folded, padded phrases. */
function namesAll(passage: StoredPassage, terms: readonly (readonly string[])[]): boolean {
  const text = ` ${foldedPassage(passage)} `;
  return terms.every((phrases) => phrases.some((phrase) => text.includes(phrase)));
}

/** An abbreviation of the field with its glossary phrases, folded and padded for substring tests. */
interface AbbreviationPhrases {
  term: string;
  phrases: string[];
}

/** The field's abbreviations a question names (read once per question: evidence, onTopic and the extractive answer use them). */
function abbreviationPhrases(deps: AnswerServiceDeps, question: string): AbbreviationPhrases[] {
  const { glossary } = deps.corpus;
  return glossary.abbreviations(question).map((term) => ({ term, phrases: [term, ...glossary.expand(term)].map((phrase) => ` ${foldText(phrase)} `) }));
}

/**
 * Positive-action questions always bring Actie 44 (and the legal items in `pinned`); follow-ups keep the previous
 * answer's actions in play.
 */
async function withRequiredActions(deps: AnswerServiceDeps, hits: SearchHit[], positiveAction: boolean, previousActions: number[], pinned: StoredPassage[] = []): Promise<SearchHit[]> {
  const required = [...new Set([...requiredActions(positiveAction), ...previousActions.slice(0, 2)])];
  if (!required.length && !pinned.length) return hits;
  const present = hits.filter((hit) => hit.passage.action !== null && required.includes(hit.passage.action));
  const missing = required.filter((action) => !present.some((hit) => hit.passage.action === action));
  const fetched = (await passagesForActions(deps.db.pool, missing))
    .filter((passage) => passage.kind === 'action')
    .map((passage) => ({ passage, score: 0.5, ftsRank: null, vectorRank: null, similarity: null, named: false }));
  const pinnedHits = pinned
    .filter((passage) => passage.id !== hits[0]?.passage.id)
    .map((passage) => hits.find((hit) => hit.passage.id === passage.id) ?? { passage, score: 0.5, ftsRank: null, vectorRank: null, similarity: null, named: false });
  // Required actions and pinned passages go right after the best hit, so they survive the cut to the answer's passages.
  const rest = hits.slice(1).filter((hit) => !present.includes(hit) && !pinnedHits.includes(hit));
  return [...hits.slice(0, 1), ...present.filter((hit) => hit !== hits[0]), ...fetched, ...pinnedHits, ...rest];
}

async function citationSources(deps: AnswerServiceDeps, actions: number[], directory?: SourceDirectory): Promise<Map<number, CitationSource>> {
  const passages = await passagesForActions(deps.db.pool, actions);
  const sources = new Map<number, CitationSource>();
  for (const action of actions) {
    const own = passages.find((passage) => passage.kind === 'action' && passage.action === action);
    if (!own) continue;
    const context = passages.filter((passage) => passage.kind === 'context' && passage.actions.includes(action));
    const version = directory ? { version: directory.version(own.documentId) } : {};
    sources.set(action, { action, section: own.section.number, document: own.documentId, ...version, texts: [own.text, ...context.map((passage) => passage.text)] });
  }
  return sources;
}

/** The passages of other documents among the answer's, grouped by the label an answer cites them by. */
function labelSources(hits: SearchHit[], directory: SourceDirectory): LabelSource[] {
  const byLabel = new Map<string, LabelSource>();
  for (const { passage } of hits) {
    const label = directory.labelOf(passage);
    if (!label) continue;
    const known = byLabel.get(label);
    if (known) known.texts.push(passage.text);
    else {
      byLabel.set(label, {
        label,
        number: passage.kind === 'action' ? passage.number : null,
        section: passage.section.number,
        document: passage.documentId,
        version: directory.version(passage.documentId),
        texts: [passage.text],
      });
    }
  }
  return [...byLabel.values()];
}

async function storeTurn(deps: AnswerServiceDeps, turn: Omit<Turn, 'id' | 'createdAt'>): Promise<Turn> {
  // The model saw the raw question; what stays on disk holds no e-mail, phone, national number, IBAN or address.
  return recordTurn(deps.db.pool, redactFields(turn, ['question', 'standaloneQuestion', 'answer']));
}

const SCOPE =
  'De actielijst gaat over de arbeidsmarktdeelname van personen met een migratie-achtergrond: onderwijs, competenties en EVC, erkenning van diploma’s, geïntegreerde trajecten, diversiteits- en antidiscriminatiebeleid en flankerend beleid.';

/** Said when a follow-up asks for other actions and the rest of the list has none on the topic. */
export function noOtherActions(given: readonly number[]): string {
  return `Buiten ${given.length === 1 ? 'Actie' : 'Acties'} ${joinDutch([...given].sort((a, b) => a - b))} vind ik in de actielijst geen acties die hierover gaan.`;
}

/** `missingNote` (see missing-actions.ts) replaces the opening and the nearest actions: the question asked for a number the list lacks. */
export function refusal(evidence: Pick<Evidence, 'reason'>, nearest: number[], missingNote: string | null = null, defined = false): string {
  if (evidence.reason === 'injection') {
    return 'Ik volg geen instructies die in een vraag staan en beantwoord alleen vragen over de actielijst personen met een migratie-achtergrond. Stel gerust een vraag over de acties.';
  }
  if (evidence.reason === 'tool') return EXPORT_HELP;
  if (evidence.reason === 'progress') {
    return `${PROGRESS_NOTE} Vraag naar een actie of een thema om te zien wat de lijst voorstelt, bijvoorbeeld “Wat vraagt Actie 18?” of “Welke acties gaan over taal?”`;
  }
  if (evidence.reason === 'greeting') {
    return `Ik beantwoord vragen over de actielijst personen met een migratie-achtergrond van de SERV, telkens met de nummers van de acties waarop het antwoord steunt. ${SCOPE} Vraag bijvoorbeeld: “Welke acties gaan over EVC?”, “Wat moet VDAB doen?” of “Mag een vacature enkel voor nieuwkomers openstaan?”`;
  }
  if (missingNote) return `${missingNote} ${SCOPE}`;
  // "wat kan ik doen?", "klant van 58 jaar": nothing to look up yet, and the actions nearest to nothing are any.
  if (evidence.reason === 'no-topic') {
    return 'Je vraag noemt nog geen onderwerp. Waarover gaat het: Nederlands leren, diploma-erkenning of EVC, een opleiding of stage, discriminatie, kinderopvang of vervoer? Vraag bijvoorbeeld: “Mijn klant spreekt weinig Nederlands, welke acties helpen?”';
  }
  const related = nearest.length ? ` Het dichtst in de buurt komen ${nearest.map((n) => `Actie ${n}`).join(', ')}; open die gerust om te zien of ze helpen.` : '';
  // After the glossary's meaning ("SERV staat voor …") "says nothing about it" would take back what was just said.
  const opening = defined ? 'Meer zegt de actielijst er niet over.' : 'Daarover zegt de actielijst niets, dus daar kan ik geen antwoord op geven.';
  return `${opening} ${SCOPE}${related}`;
}
