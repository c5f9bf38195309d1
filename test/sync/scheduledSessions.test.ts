import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultationFromSchedule, type Consultation, type Schedule } from '../../src/domain';
import { logScheduledSession } from '../../src/db/schedules';
import { setAttendance } from '../../src/db/consultations';
import { eventually, startSyncHarness, type SyncHarness, type TestClient } from '../fixtures/syncHarness';
import { storeFactories } from '../fixtures/stores';

const AT = '2026-11-01T08:00:00.000Z';

/**
 * The shared tablet and the teacher's phone both offline, both showing the same session as due: each logs it.
 * Paid hours must count it once, so after sync there is one consultation; nothing either device recorded is lost.
 */
describe.each(storeFactories)('a scheduled session logged on two devices on $name', (factory) => {
  let harness: SyncHarness;
  let tablet: TestClient;
  let phone: TestClient;
  let schedule: Schedule;

  beforeAll(async () => {
    harness = await startSyncHarness(factory);
    tablet = await harness.client('tablet', {}, ['consultations']);
    phone = await harness.client('phone', {}, ['consultations']);
    schedule = {
      id: crypto.randomUUID(),
      createdAt: AT,
      updatedAt: AT,
      schoolId: 'school-1',
      staffId: harness.teacherId,
      staffRole: 'subject_teacher',
      subject: 'maths',
      planId: '',
      learnerIds: ['l1', 'l2'],
      weekday: 2,
      startTime: '14:00',
      minutes: 40,
      mode: 'in_person',
      startsOn: '2026-09-01',
      active: true,
    };
  });
  afterAll(async () => harness?.close());

  const onServer = async () =>
    (
      await harness.store.query<{ id: string }>(
        `SELECT id FROM documents WHERE collection = 'consultations' AND NOT deleted`,
      )
    ).map((r) => r.id);

  it('is one consultation everywhere, and what the second device recorded differently is kept visible', async () => {
    tablet.online = false;
    phone.online = false;
    const onTablet = await logScheduledSession(tablet.db, consultationFromSchedule(schedule, '2026-11-24', 'attended'));
    const onPhone = await logScheduledSession(phone.db, consultationFromSchedule(schedule, '2026-11-24', 'attended'));
    expect(onPhone.id).toBe(onTablet.id);
    // The phone then records that l2 did not come after all.
    await setAttendance(phone.db, onPhone.id, 'l2', 'absent_unexcused');

    tablet.online = true;
    tablet.replication.resync();
    await eventually(async () => expect(await onServer()).toEqual([onTablet.id]));
    phone.online = true;
    phone.replication.resync();

    await eventually(async () => {
      for (const client of [tablet, phone]) {
        const docs = (await client.db.consultations.find().exec()).map((d) => d.toMutableJSON() as Consultation);
        expect(
          docs.map((d) => d.id),
          client.name,
        ).toEqual([onTablet.id]);
        // The first to reach the server is kept; the other device's differing attendance stays visible to restore.
        expect(docs[0]?.attendees, client.name).toEqual([
          { learnerId: 'l1', attendance: 'attended' },
          { learnerId: 'l2', attendance: 'attended' },
        ]);
        expect(docs[0]?.syncConflicts, client.name).toContainEqual(
          expect.objectContaining({ path: 'attendees', lost: expect.stringContaining('absent_unexcused') }),
        );
      }
    });
    expect(await onServer()).toEqual([onTablet.id]);
  });
});
