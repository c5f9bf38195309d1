import { describe, expect, it } from 'vitest';
import { applyFormEdits, formEdits } from './formEdits';

type Fields = { firstName: string; lastName: string; className: string; birthDate?: string | undefined };
const opened: Fields = { firstName: 'Anna', lastName: 'Ozola', className: '7.a', birthDate: '2013-04-02' };
// As stored at save time: a colleague's edit of the last name arrived while the form was open.
const stored = { id: 'l1', firstName: 'Anna', lastName: 'Kalniņa', className: '7.a', birthDate: '2013-04-02' };

describe('a form writes only what the person changed', () => {
  it.each<[string, Fields, Record<string, unknown>]>([
    ['nothing changed: the colleague’s edit stays', { ...opened }, stored],
    [
      'the class changed: the class is written, the colleague’s last name stays',
      { ...opened, className: '8.a' },
      { ...stored, className: '8.a' },
    ],
    [
      'the last name changed here too: this device’s value is written',
      { ...opened, lastName: 'Bērziņa' },
      { ...stored, lastName: 'Bērziņa' },
    ],
    [
      'the birth date emptied: it leaves the record',
      { ...opened, birthDate: undefined },
      { id: 'l1', firstName: 'Anna', lastName: 'Kalniņa', className: '7.a' },
    ],
  ])('%s', (_name, saved, expected) => {
    expect(applyFormEdits(stored, formEdits(opened, saved))).toEqual(expected);
  });

  it('names a birth date given where there was none as set, and an emptied one as cleared', () => {
    const { birthDate: _none, ...withoutDate } = opened;
    expect(formEdits<Fields>(withoutDate, { ...withoutDate, birthDate: '2013-05-01' })).toEqual({
      set: { birthDate: '2013-05-01' },
      cleared: [],
    });
    expect(formEdits<Fields>(opened, { ...opened, birthDate: undefined })).toEqual({ set: {}, cleared: ['birthDate'] });
  });
});
