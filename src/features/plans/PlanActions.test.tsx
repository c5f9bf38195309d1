import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../test/fixtures/renderWithI18n';
import { pumpurs2017, type Actor, type SupportPlan, type WorkflowContext } from '../../domain';
import { PlanActions } from './PlanActions';

const plan: SupportPlan = {
  id: 'p1',
  createdAt: '2026-09-10T08:00:00.000Z',
  updatedAt: '2026-09-11T08:00:00.000Z',
  learnerId: 'l1',
  schoolId: 's1',
  schoolYear: '2026/2027',
  semester: 1,
  preparerIds: ['prep', 'dir'],
  status: 'in_approval',
  risks: [],
  measures: [],
  history: [{ id: 'h1', at: '2026-09-11T08:00:00.000Z', byUserId: 'prep', action: 'submit' }],
};
const context = (actor: Actor): WorkflowContext => ({
  actor,
  school: { id: 's1', municipalityId: 'm1', stateFounded: false },
  learner: { programme: 'general' },
  profile: pumpurs2017,
  today: '2026-11-25',
});
const director = (userId: string, roles: Actor['roles']): Actor => ({
  userId,
  roles,
  schoolIds: ['s1'],
  municipalityIds: ['m1'],
});

describe('PlanActions follow the approval rules (issue 8.5)', () => {
  it('a director who prepared the plan sees no “approve”, and is told why; “return” stays', () => {
    renderWithI18n(
      <PlanActions plan={plan} context={context(director('dir', ['director', 'plan_preparer']))} onAction={vi.fn()} />,
    );
    expect(screen.queryByRole('button', { name: 'Apstiprināt' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Atgriezt labošanai' })).toBeTruthy();
    expect(screen.getByText(/Jūs šo plānu sagatavojāt vai nosūtījāt saskaņošanai/)).toBeTruthy();
  });

  it('another director approves, without the hint', () => {
    renderWithI18n(<PlanActions plan={plan} context={context(director('dir2', ['director']))} onAction={vi.fn()} />);
    expect(screen.getByRole('button', { name: 'Apstiprināt' })).toBeTruthy();
    expect(screen.queryByText(/Jūs šo plānu sagatavojāt/)).toBeNull();
  });
});
