/**
 * The demo semester around the day the seed runs (demoStory.ts says who and what): support plans that went through
 * the workflow as applyTransition writes it, the consultations held so far, compensations, the maths teacher's
 * weekly schedules and the psychologist's notes. Deterministic for a given day; nothing is dated on or after it.
 */
import {
  addDays,
  applyTransition,
  defaultProfile,
  keepsCompensations,
  monthsOf,
  occurrences,
  planProgress,
  previousSemester,
  reachOf,
  scheduledSessionId,
  semesterRange,
  semesterOf,
  stoppedSchedule,
  weekdayOf,
  type Attendance,
  type Compensation,
  type ConfidentialNote,
  type Consultation,
  type Learner,
  type Measure,
  type Municipality,
  type PlanAction,
  type Schedule,
  type School,
  type SchoolSemester,
  type SupportPlan,
  type User,
} from '../../domain';
import { chance, isPublicHoliday, laterTime, rigaTime, schoolDaysOf } from './demoTimeline';
import {
  EZERKALNI_STORY,
  TOPICS,
  USUAL_ABSENCES,
  type DemoStory,
  type MeasureScript,
  type PlanScript,
  type SlotScript,
  type StaffName,
  type StepScript,
} from './demoStory';

export interface DemoSemester {
  plans: SupportPlan[];
  consultations: Consultation[];
  compensations: Compensation[];
  schedules: Schedule[];
  notes: ConfidentialNote[];
}

interface People {
  municipalities: Municipality[];
  schools: School[];
  users: User[];
  learners: Learner[];
}

/** One semester being written: its school days, those already past, and who is who. */
interface Term {
  semester: SchoolSemester;
  /** 'cur' or 'prev', part of ids. */
  tag: string;
  days: string[];
  /** School days before the seed's day. */
  past: string[];
  /** The first day not yet happened (the seed's day, or after the semester for a past one). */
  limit: string;
  people: People;
  /** How often each learner misses a session (demoStory.ts ABSENCES); everyone else: rarely. */
  absences: DemoStory['absences'];
}

/** When a plan started and was suspended, as its steps say. */
interface Timeline {
  script: PlanScript;
  learner: Learner;
  steps: (StepScript & { date: string })[];
  started?: string;
  suspended?: string;
}

const STEP_TIMES: Record<StepScript['action'], string> = {
  created: '08:15',
  created_from_previous: '08:15',
  submit: '15:30',
  withdraw: '15:45',
  approve: '10:05',
  return: '09:40',
  start: '08:05',
  suspend: '12:20',
  resume: '08:10',
  revise: '13:00',
  deactivate: '13:30',
  evaluate: '16:30',
};

function userNamed(people: People, username: StaffName): User {
  const user = people.users.find((u) => u.username === username);
  if (!user) throw new Error(`demo user ${username} missing`);
  return user;
}

const short = (learnerId: string) => learnerId.replace('demo-learner-', '');
const planIdOf = (term: Term, learnerId: string) =>
  `demo-plan-${term.semester.schoolYear.slice(0, 4)}-${term.semester.semester}-${short(learnerId)}`;
const measureIdOf = (planId: string, key: string) => `${planId.replace('demo-plan-', 'demo-m-')}-${key}`;

/** Each step on a school day: counted from the semester's start, or back from the seed's day; none yet to come. */
function timelineOf(term: Term, script: PlanScript): Timeline | null {
  const learner = term.people.learners.find((l) => l.id === script.learner);
  if (!learner?.consent) throw new Error(`demo plan for ${script.learner}, who has no signed application`);
  // A plan is drawn up after the application is signed (last semester's plan had an application of its own).
  const signed = term.tag === 'prev' ? 0 : term.days.findIndex((d) => d >= (learner.consent?.signedOn ?? ''));
  const steps: Timeline['steps'] = [];
  let previous = signed === -1 ? term.days.length : signed;
  // Counted from the semester's start, a plan's steps move later together when its application came later.
  const first = script.steps[0]?.day ?? 0;
  const delay = first >= 0 ? Math.max(0, previous - first) : 0;
  for (const step of script.steps) {
    const planned = step.day >= 0 ? step.day + delay : term.past.length + step.day;
    // Each step a school day after the one before; a step that only makes sense later waits for its day.
    if (step.notEarly && planned <= previous) break;
    const index = Math.max(planned, steps.length ? previous + 1 : previous, 0);
    const date = term.past[index];
    if (date === undefined) break;
    steps.push({ ...step, date });
    previous = index;
  }
  if (steps.length === 0) return null;
  const started = steps.find((s) => s.action === 'start')?.date;
  const suspended = steps.find((s) => s.action === 'suspend')?.date;
  return { script, learner, steps, ...(started ? { started } : {}), ...(suspended ? { suspended } : {}) };
}

/** Does a slot meet on this day: after every one of its learners' plans started, none suspended yet? */
function slotMeets(slot: SlotScript, date: string, timelines: Map<string, Timeline>): boolean {
  if (weekdayOf(date) !== slot.weekday) return false;
  if (slot.fortnightly && Math.floor((Date.parse(`${date}T12:00:00Z`) / 86_400_000 + 3) / 7) % 2 === 1) return false;
  return slot.learners.every((id) => {
    const t = timelines.get(id);
    return t?.started !== undefined && t.started < date && (t.suspended === undefined || date < t.suspended);
  });
}

const slotServes = (slot: SlotScript, learnerId: string, m: MeasureScript) =>
  slot.learners.includes(learnerId) &&
  slot.staff === m.staff &&
  (m.kind === 'subject_consultation' ? slot.subject === m.subject : slot.staffRole === m.specialistRole);

/** Planned sessions: the measure's weekly sessions from about two weeks after drafting to the semester's end. */
function plannedSessions(term: Term, t: Timeline, m: MeasureScript, slots: SlotScript[]): number {
  const drafted = term.days.indexOf(t.steps[0]?.date ?? '');
  const from = term.days.slice(Math.min(drafted + 8, term.days.length - 1));
  const mine = slots.filter((s) => slotServes(s, t.learner.id, m));
  const weekly = mine.length
    ? from.filter((d) => mine.some((s) => weekdayOf(d) === s.weekday)).length /
      (mine.some((s) => s.fortnightly) ? 2 : 1)
    : new Set(from.map((d) => addDays(d, 1 - weekdayOf(d)))).size;
  return Math.max(1, Math.round(weekly * (m.coverage ?? 1)));
}

function measuresOf(term: Term, t: Timeline, slots: SlotScript[], planId: string, riskIds: string[]): Measure[] {
  return t.script.measures.map((m) => ({
    id: measureIdOf(planId, m.key),
    kind: m.kind,
    riskIds: m.risks.map((i) => riskIds[i] ?? ''),
    justification: m.justification,
    ...(m.subject ? { subject: m.subject } : {}),
    ...(m.specialistRole ? { specialistRole: m.specialistRole } : {}),
    ...(m.staff ? { staffId: userNamed(term.people, m.staff).id } : {}),
    ...(m.kind === 'compensation'
      ? { compensationCategory: m.compensationCategory, plannedMonthlyCents: m.plannedMonthlyCents }
      : { plannedSessions: plannedSessions(term, t, m, slots) }),
  }));
}

/** The plan after its steps, each taken through planWorkflow.applyTransition by the person the story names. */
function planOf(term: Term, t: Timeline, slots: SlotScript[], consultations: Consultation[]): SupportPlan {
  const { people } = term;
  const planId = planIdOf(term, t.learner.id);
  const school = people.schools.find((s) => s.id === t.learner.schoolId);
  if (!school) throw new Error(`demo school ${t.learner.schoolId} missing`);
  const riskIds = t.script.risks.map((_, i) => `${planId.replace('demo-plan-', 'demo-r-')}-${i + 1}`);
  const times: string[] = [];
  const at = (step: StepScript & { date: string }) => {
    let time = rigaTime(step.date, STEP_TIMES[step.action]);
    const last = times[times.length - 1];
    if (last && time <= last) time = new Date(Date.parse(last) + 7 * 60_000).toISOString();
    times.push(time);
    return time;
  };
  const [first, ...rest] = t.steps;
  if (!first) throw new Error('a plan without steps');
  const created = at(first);
  let plan: SupportPlan = {
    id: planId,
    createdAt: created,
    updatedAt: created,
    learnerId: t.learner.id,
    schoolId: school.id,
    ...term.semester,
    preparerIds: t.script.preparers.map((p) => userNamed(people, p).id),
    status: 'draft',
    applicationSignedOn: term.tag === 'prev' ? (term.days[0] ?? '') : (t.learner.consent?.signedOn ?? ''),
    risks: t.script.risks.map((r, i) => ({ id: riskIds[i] ?? '', code: r.code, note: r.note })),
    measures: measuresOf(term, t, slots, planId, riskIds),
    history: [
      {
        id: `${planId}-h1`,
        at: created,
        byUserId: userNamed(people, first.by).id,
        action: first.action,
        toStatus: 'draft',
      },
    ],
  };
  for (const step of rest) {
    const by = userNamed(people, step.by);
    const entryId = `${planId}-h${plan.history.length + 1}`;
    const when = at(step);
    if (step.action === 'evaluate') {
      const share = planProgress(plan, consultations, [], defaultProfile).share ?? 0;
      const { outcome = 'continues', note = '', reasons } = t.script.evaluation ?? {};
      plan = {
        ...plan,
        evaluation: {
          deliveredShare: share,
          outcome,
          ...(reasons ? { reasons } : {}),
          note,
          evaluatedAt: when,
          evaluatedBy: by.id,
        },
        history: [...plan.history, { id: entryId, at: when, byUserId: by.id, action: 'evaluate' }],
        updatedAt: when,
      };
      continue;
    }
    const context = {
      actor: reachOf(by, people),
      school,
      learner: t.learner,
      profile: defaultProfile,
      today: step.date,
    };
    const result = applyTransition(plan, step.action as PlanAction, context, {
      reason: step.reason ?? '',
      entryId,
      at: when,
    });
    if (!result.ok) throw new Error(`demo plan ${planId}: ${step.action} refused: ${JSON.stringify(result.problems)}`);
    plan = result.plan;
  }
  return plan;
}

function attendanceOf(term: Term, learnerId: string, key: string): Attendance {
  const { unexcused, excused } = term.absences[learnerId] ?? USUAL_ABSENCES;
  const r = chance(key);
  return r < unexcused ? 'absent_unexcused' : r < unexcused + excused ? 'absent_excused' : 'attended';
}

function pick<T>(list: readonly T[], key: string): T | undefined {
  return list[Math.floor(chance(key) * list.length)];
}

/** Every session of the slots held before the seed's day; `skip` leaves some unlogged (still due on the today screen). */
function consultationsOf(
  term: Term,
  slots: SlotScript[],
  timelines: Map<string, Timeline>,
  skip: (slot: SlotScript, date: string) => boolean,
): Consultation[] {
  const result: Consultation[] = [];
  for (const slot of slots) {
    const staff = userNamed(term.people, slot.staff);
    const schoolId = timelines.get(slot.learners[0] ?? '')?.learner.schoolId ?? '';
    const dates = term.past.filter((d) => slotMeets(slot, d, timelines));
    for (const date of dates) {
      if (skip(slot, date)) continue;
      const scheduleId = slot.schedule && term.tag === 'cur' ? `demo-schedule-${slot.key}` : undefined;
      // A session logged from a schedule has the id every device gives it (domain/rules/schedules).
      const id = scheduleId ? scheduledSessionId(scheduleId, date) : `demo-c-${term.tag}-${date}-${slot.key}`;
      const cancelled = chance(`cancel:${slot.staff}:${date}`) < 0.02;
      const remote = !cancelled && slot.remote !== undefined && chance(`remote:${id}`) < slot.remote;
      const minutes = remote ? 45 : slot.minutes;
      const end = laterTime(slot.time, minutes);
      const loggedAt = rigaTime(date, end, 2);
      const confirmedAt = rigaTime(date, end, 4);
      const attendees = slot.learners.map((learnerId) => {
        const attendance: Attendance = cancelled
          ? 'cancelled'
          : attendanceOf(term, learnerId, `attend:${learnerId}:${id}`);
        return { learnerId, attendance, ...(attendance === 'attended' ? { confirmedAt } : {}) };
      });
      const only = slot.learners.length === 1 ? timelines.get(slot.learners[0] ?? '') : undefined;
      const planId = only ? planIdOf(term, only.learner.id) : '';
      const measure = only?.script.measures.find((m) => slotServes(slot, only.learner.id, m));
      const topic = pick(TOPICS[slot.subject ?? slot.staffRole] ?? [], `topic:${id}`) ?? '';
      result.push({
        id,
        createdAt: loggedAt,
        updatedAt: attendees.some((a) => a.confirmedAt) ? confirmedAt : loggedAt,
        schoolId,
        staffId: staff.id,
        staffRole: slot.staffRole,
        ...(slot.subject ? { subject: slot.subject } : {}),
        planId,
        ...(measure ? { measureId: measureIdOf(planId, measure.key) } : {}),
        ...(scheduleId ? { scheduleId } : {}),
        date,
        startTime: slot.time,
        minutes,
        mode: remote ? 'remote' : 'in_person',
        ...(remote ? { channel: 'zoom' as const } : {}),
        attendees,
        notes: cancelled ? 'Atcelta: skolas pasākums' : attendees.some((a) => a.attendance === 'attended') ? topic : '',
      });
    }
  }
  return result.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}

/** A weekly schedule for a slot once all its learners' plans are running; stopped when a plan is suspended. */
function scheduleOf(slot: SlotScript, term: Term, timelines: Map<string, Timeline>): Schedule | null {
  if (!slot.schedule || term.tag !== 'cur') return null;
  const learners = slot.learners.map((id) => timelines.get(id));
  const starts = learners.map((t) => t?.started);
  if (starts.some((s) => s === undefined)) return null;
  const begun = (starts as string[]).sort().at(-1) ?? '';
  const only = slot.learners.length === 1 ? slot.learners[0] : undefined;
  const staff = userNamed(term.people, slot.staff);
  const createdAt = rigaTime(begun, '16:00');
  const schedule: Schedule = {
    id: `demo-schedule-${slot.key}`,
    createdAt,
    updatedAt: createdAt,
    schoolId: learners[0]?.learner.schoolId ?? '',
    staffId: staff.id,
    staffRole: slot.staffRole,
    ...(slot.subject ? { subject: slot.subject } : {}),
    planId: only ? planIdOf(term, only) : '',
    learnerIds: slot.learners,
    weekday: slot.weekday,
    startTime: slot.time,
    minutes: slot.minutes,
    mode: 'in_person',
    startsOn: addDays(begun, 1),
    active: true,
  };
  // Public holidays so far are marked as days without a session: neither due nor overdue, nor cancelled.
  const holidays = occurrences(schedule, schedule.startsOn, addDays(term.limit, -1)).filter(isPublicHoliday);
  if (holidays.length) schedule.skippedDates = holidays;
  const suspended = learners.map((t) => t?.suspended).find((s) => s !== undefined);
  if (suspended)
    return { ...stoppedSchedule(schedule, suspended), updatedAt: rigaTime(suspended, STEP_TIMES.suspend, 5) };
  // Once lessons are over, the teacher stops her schedules.
  const lastDay = term.days.at(-1) ?? term.limit;
  return lastDay < addDays(term.limit, -1)
    ? { ...stoppedSchedule(schedule, addDays(lastDay, 1)), updatedAt: rigaTime(lastDay, '16:30') }
    : schedule;
}

/** Monthly compensations while the plan runs: past months paid, this month approved (or requested). */
function compensationsOf(term: Term, t: Timeline, plan: SupportPlan): Compensation[] {
  const started = t.started;
  if (!started) return [];
  const thisMonth = term.limit.slice(0, 7);
  const result: Compensation[] = [];
  for (const m of t.script.measures.filter((x) => x.kind === 'compensation')) {
    const cap = defaultProfile.compensations.find((c) => c.code === m.compensationCategory);
    const months = cap?.period === 'semester' ? [monthsOf(term.semester)[0] ?? ''] : monthsOf(term.semester);
    for (const month of months.filter((x) => x >= started.slice(0, 7) && x <= thisMonth)) {
      const open = term.days.filter((d) => d > started && (cap?.period === 'semester' || d.slice(0, 7) === month));
      const recorded = open.find((d) => d < term.limit);
      if (!recorded) continue;
      const planned = m.plannedMonthlyCents ?? 0;
      const meals = m.compensationCategory === 'meals';
      const amountCents = meals ? Math.min(planned, open.length * 320) : planned;
      const status = month < thisMonth ? 'paid' : (m.currentStatus ?? 'approved');
      const createdAt = rigaTime(recorded, '10:30');
      const lastDay = term.days.filter((d) => d.slice(0, 7) === month).at(-1) ?? recorded;
      result.push({
        id: `demo-comp-${short(t.learner.id)}-${m.key}-${month}`,
        createdAt,
        updatedAt: status === 'paid' && lastDay < term.limit ? rigaTime(lastDay, '12:00') : createdAt,
        schoolId: plan.schoolId,
        learnerId: plan.learnerId,
        planId: plan.id,
        category: m.compensationCategory ?? '',
        month,
        amountCents,
        status,
        note: meals ? `${m.note ?? ''}: ${open.length} dienas × 3,20 €` : (m.note ?? ''),
      });
    }
  }
  return result;
}

function termOf(semester: SchoolSemester, tag: string, limit: string, people: People, story: DemoStory): Term {
  const days = schoolDaysOf(semester);
  return { semester, tag, days, past: days.filter((d) => d < limit), limit, people, absences: story.absences };
}

function writeTerm(term: Term, scripts: PlanScript[], slots: SlotScript[], story: DemoStory): DemoSemester {
  const timelines = new Map(
    scripts.map((s) => [s.learner, timelineOf(term, s)] as const).filter((e): e is [string, Timeline] => e[1] !== null),
  );
  const schedules = slots.map((s) => scheduleOf(s, term, timelines)).filter((s): s is Schedule => s !== null);
  // The latest session of the teacher's running schedules before today is not logged yet: it shows as overdue.
  const lookback = schedules
    .filter((s) => s.active)
    .flatMap((s) => occurrences(s, addDays(term.limit, -14), addDays(term.limit, -1)))
    .filter((d) => term.past.includes(d))
    .sort();
  const open = lookback.at(-1);
  const consultations = consultationsOf(term, slots, timelines, (slot, date) => !!slot.schedule && date === open);
  if (term.tag === 'cur') {
    const staffId = (name: StaffName) => userNamed(term.people, name).id;
    const unconfirmed = story.unconfirmed.map(([name, count]) => [staffId(name), count] as [string, number]);
    markRecentUnconfirmed(consultations, term.limit, ...unconfirmed);
  }
  const plans = [...timelines.values()].map((t) => planOf(term, t, slots, consultations));
  const compensations = [...timelines.values()].flatMap((t) => {
    const plan = plans.find((p) => p.learnerId === t.learner.id);
    return plan ? compensationsOf(term, t, plan) : [];
  });
  const notes = story.notes && term.tag === 'cur' ? notesOf(term, consultations, story.notes) : [];
  return { plans, consultations, compensations, schedules, notes };
}

/** The latest sessions some staff held at least two days ago still wait for the learner's confirmation. */
function markRecentUnconfirmed(consultations: Consultation[], limit: string, ...staff: [string, number][]) {
  for (const [staffId, count] of staff) {
    const recent = consultations
      .filter((c) => c.staffId === staffId && c.date <= addDays(limit, -2) && c.attendees.some((a) => a.confirmedAt))
      .slice(-count);
    for (const c of recent) {
      c.attendees = c.attendees.map(({ confirmedAt: _confirmed, ...a }) => a);
      c.updatedAt = c.createdAt;
    }
  }
}

/** The psychologist's two notes after her latest session with the learner, if there was one. */
function notesOf(
  term: Term,
  consultations: Consultation[],
  script: NonNullable<DemoStory['notes']>,
): ConfidentialNote[] {
  const author = userNamed(term.people, script.author);
  const session = consultations
    .filter(
      (c) =>
        c.staffId === author.id &&
        c.attendees.some((a) => a.learnerId === script.learner && a.attendance === 'attended'),
    )
    .at(-1);
  if (!session) return [];
  const note = (n: number, body: string, shared: boolean): ConfidentialNote => {
    const at = rigaTime(session.date, laterTime(session.startTime || '12:00', session.minutes + 10 * n));
    return {
      id: `demo-note-${short(script.learner)}-${n}`,
      createdAt: at,
      updatedAt: at,
      schoolId: session.schoolId,
      learnerId: script.learner,
      authorId: author.id,
      sharedWithSupportTeam: shared,
      date: session.date,
      body,
    };
  };
  return [note(1, script.private, false), note(2, script.shared, true)];
}

/** Who records a school's compensations in the demo: its social pedagogue or school coordinator. */
export function compensationKeeperOf(users: readonly User[], schoolId: string): User | undefined {
  return users.find(
    (u) => u.schoolIds.includes(schoolId) && keepsCompensations(u.roles) && !u.roles.includes('administrator'),
  );
}

/**
 * The current semester of `today` (YYYY-MM-DD) and the evaluated plans of the semester before, as a municipality's
 * story tells them (Ezerkalni's by default).
 */
export function demoSemester(today: string, people: People, story: DemoStory = EZERKALNI_STORY): DemoSemester {
  const current = semesterOf(today);
  const before = previousSemester(current);
  const previous = writeTerm(
    termOf(before, 'prev', semesterRange(current).from, people, story),
    story.previousPlans,
    story.previousSlots,
    story,
  );
  const now = writeTerm(termOf(current, 'cur', today, people, story), story.currentPlans, story.currentSlots, story);
  return {
    plans: [...previous.plans, ...now.plans],
    consultations: [...previous.consultations, ...now.consultations],
    compensations: [...previous.compensations, ...now.compensations],
    schedules: now.schedules,
    notes: now.notes,
  };
}
